package dev.paxoshub.frontdoor;

import org.springframework.cloud.client.loadbalancer.LoadBalancerClientsProperties;
import org.springframework.cloud.client.loadbalancer.LoadBalancerProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the nodes one Spring Cloud LoadBalancer service, set up by
 * {@link NodeLoadBalancerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClient(name = NodeInstances.SERVICE_ID, configuration = NodeLoadBalancerConfiguration.class)
class NodeLoadBalancing {

	/**
	 * LoadBalancer's health check reads its settings per service from
	 * {@code spring.cloud.loadbalancer.clients.*}. The front door registers the nodes'
	 * settings there itself, so that {@code paxoshub.front-door.health-check-interval} is
	 * the one place to set them, instead of LoadBalancer's 25 s default.
	 */
	NodeLoadBalancing(LoadBalancerClientsProperties loadBalancer, FrontDoorProperties frontDoor) {
		LoadBalancerProperties nodes = new LoadBalancerProperties();
		nodes.getHealthCheck().setInterval(frontDoor.healthCheckInterval());
		// One new list per round of checks. Growing the list node by node as checks come
		// back
		// would, for a moment each round, hide live nodes from round-robin and from
		// pinning.
		nodes.getHealthCheck().setUpdateResultsList(false);
		loadBalancer.getClients().put(NodeInstances.SERVICE_ID, nodes);
	}

}
