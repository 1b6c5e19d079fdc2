package dev.paxoshub.frontdoor;

import java.net.URI;
import java.util.Map;

import dev.paxoshub.frontdoor.ClusterLayout.Node;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;

/**
 * The nodes as Spring Cloud LoadBalancer sees them: instances of one service, each
 * carrying its node name so that pinning and retries can tell them apart.
 */
final class NodeInstances {

	static final String SERVICE_ID = "paxoshub-nodes";

	private static final String NODE_NAME = "paxoshub-node-name";

	private NodeInstances() {
	}

	static ServiceInstanceListSupplier configuredIn(ClusterLayout layout) {
		return ServiceInstanceListSuppliers.from(SERVICE_ID,
				layout.nodes().stream().map(NodeInstances::instanceOf).toArray(ServiceInstance[]::new));
	}

	static String nameOf(ServiceInstance instance) {
		return instance.getMetadata().get(NODE_NAME);
	}

	private static ServiceInstance instanceOf(Node node) {
		URI url = node.url();
		boolean secure = "https".equalsIgnoreCase(url.getScheme());
		int port = (url.getPort() != -1) ? url.getPort() : (secure ? 443 : 80);
		return new DefaultServiceInstance(node.name(), SERVICE_ID, url.getHost(), port, secure,
				Map.of(NODE_NAME, node.name()));
	}

}
