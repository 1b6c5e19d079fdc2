package dev.paxoshub.frontdoor;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.ResponseData;

/**
 * Notes on the request itself each node the gateway is about to send it to, so that a
 * retry after a refused connection can leave that node out (see
 * {@link UntriedNodeServiceInstanceListSupplier}). The request's attributes outlive each
 * attempt, while LoadBalancer starts every attempt with a fresh {@link Request}.
 */
class TriedNodes implements LoadBalancerLifecycle<RequestDataContext, ResponseData, ServiceInstance> {

	private static final String ATTRIBUTE = TriedNodes.class.getName();

	@SuppressWarnings("unchecked")
	static Set<String> by(Request<?> request) {
		if (request.getContext() instanceof RequestDataContext context) {
			Object tried = context.getClientRequest().getAttributes().get(ATTRIBUTE);
			return (tried != null) ? (Set<String>) tried : Set.of();
		}
		return Set.of();
	}

	@Override
	@SuppressWarnings("unchecked")
	public void onStartRequest(Request<RequestDataContext> request, Response<ServiceInstance> chosen) {
		Map<String, Object> attributes = request.getContext().getClientRequest().getAttributes();
		Set<String> tried = (Set<String>) attributes.computeIfAbsent(ATTRIBUTE, (name) -> new HashSet<String>());
		tried.add(NodeInstances.nameOf(chosen.getServer()));
	}

	@Override
	public void onStart(Request<RequestDataContext> request) {
		// Nothing is known before a node is chosen.
	}

	@Override
	public void onComplete(CompletionContext<ResponseData, ServiceInstance, RequestDataContext> completionContext) {
		// A node stays tried for the rest of the request, whatever it answered.
	}

}
