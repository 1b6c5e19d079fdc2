package dev.paxoshub.frontdoor;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.util.StringUtils;

/**
 * Sends a request to the node its sender asked for: API clients name it in the
 * {@code X-Paxoshub-Node} header, people pick it on a node's page, which sets the
 * {@code paxoshub-node} cookie. The header wins over the cookie; {@code auto} or an
 * unknown name leaves the choice to the policy.
 * <p>
 * A pinned node that is down, or that this request already found unreachable, is not
 * waited for: the request goes to any live node instead. The site stays usable while a
 * node is away, and the {@code X-Paxoshub-Served-By} header of the answer shows who
 * served it.
 */
class PinnedNodeServiceInstanceListSupplier extends DelegatingServiceInstanceListSupplier {

	private static final String HEADER = "X-Paxoshub-Node";

	/** The node pages set it, named for the cluster when several share one host. */
	private final String cookie;

	PinnedNodeServiceInstanceListSupplier(ServiceInstanceListSupplier delegate, String cookie) {
		super(delegate);
		this.cookie = cookie;
	}

	@Override
	public Flux<List<ServiceInstance>> get() {
		return this.delegate.get();
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Flux<List<ServiceInstance>> get(Request request) {
		String pinned = pinnedNode(request);
		return this.delegate.get(request).map((nodes) -> onlyPinned(nodes, pinned));
	}

	private static List<ServiceInstance> onlyPinned(List<ServiceInstance> nodes, @Nullable String pinned) {
		List<ServiceInstance> pinnedNodes = nodes.stream()
			.filter((node) -> NodeInstances.nameOf(node).equalsIgnoreCase(pinned))
			.toList();
		return pinnedNodes.isEmpty() ? nodes : pinnedNodes;
	}

	private @Nullable String pinnedNode(Request<?> request) {
		if (!(request.getContext() instanceof RequestDataContext context)) {
			return null;
		}
		RequestData sent = context.getClientRequest();
		String header = (sent.getHeaders() != null) ? sent.getHeaders().getFirst(HEADER) : null;
		if (StringUtils.hasText(header)) {
			return header;
		}
		return (sent.getCookies() != null) ? sent.getCookies().getFirst(this.cookie) : null;
	}

}
