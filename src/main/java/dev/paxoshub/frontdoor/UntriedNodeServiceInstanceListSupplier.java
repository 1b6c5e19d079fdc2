package dev.paxoshub.frontdoor;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;

/**
 * Leaves out the nodes this request was already sent to, so that a retry lands on another
 * node whatever the policy. With every node tried the list is empty and the request ends
 * in the "no node is up" answer instead of going round again.
 */
class UntriedNodeServiceInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

	UntriedNodeServiceInstanceListSupplier(ServiceInstanceListSupplier delegate) {
		super(delegate);
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return this.delegate.get();
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Flux<List<ServiceInstance>> get(Request request) {
		Set<String> tried = TriedNodes.by(request);
		return this.delegate.get(request)
			.map((nodes) -> nodes.stream().filter((node) -> !tried.contains(NodeInstances.nameOf(node))).toList());
	}

}
