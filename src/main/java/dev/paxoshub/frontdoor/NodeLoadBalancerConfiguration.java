package dev.paxoshub.frontdoor;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.loadbalancer.core.RandomLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.RoundRobinLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The LoadBalancer context of the nodes service. Not a {@code @Configuration}:
 * LoadBalancer creates it in a child context of its own, and component scanning must not
 * also load it into the front door's context.
 */
class NodeLoadBalancerConfiguration {

	/**
	 * The nodes a request may go to: the configured ones, less those failing their health
	 * check, less those this request already tried, narrowed to the pinned node when it
	 * is among them.
	 */
	@Bean
	ServiceInstanceListSupplier nodesForThisRequest(ConfigurableApplicationContext context, ClusterLayout layout,
			FrontDoorProperties frontDoor) {
		return ServiceInstanceListSupplier.builder()
			.withBase(NodeInstances.configuredIn(layout))
			.withBlockingHealthChecks(healthCheckClient(frontDoor.healthCheckInterval()))
			.with((ignored, healthy) -> new UntriedNodeServiceInstanceListSupplier(healthy))
			.with((ignored, untried) -> new PinnedNodeServiceInstanceListSupplier(untried, layout.pinCookie()))
			.build(context);
	}

	@Bean
	ReactorServiceInstanceLoadBalancer nodeChooser(LoadBalancerClientFactory loadBalancers,
			FrontDoorProperties frontDoor) {
		ObjectProvider<ServiceInstanceListSupplier> nodes = loadBalancers.getLazyProvider(NodeInstances.SERVICE_ID,
				ServiceInstanceListSupplier.class);
		return switch (frontDoor.policy()) {
			case ROUND_ROBIN -> new RoundRobinLoadBalancer(nodes, NodeInstances.SERVICE_ID);
			case RANDOM -> new RandomLoadBalancer(nodes, NodeInstances.SERVICE_ID);
		};
	}

	/**
	 * The gateway's {@code lb()} filter calls every {@link LoadBalancerLifecycle} of the
	 * service.
	 */
	@Bean
	TriedNodes triedNodes() {
		return new TriedNodes();
	}

	/**
	 * Checks run one node after the other, so none may take longer than the interval: a
	 * node that hangs instead of refusing must not hold up the news about the others.
	 */
	private static RestClient healthCheckClient(Duration timeout) {
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(timeout);
		requestFactory.setReadTimeout(timeout);
		return RestClient.builder().requestFactory(requestFactory).build();
	}

}
