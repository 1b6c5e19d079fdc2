package dev.paxoshub.frontdoor;

import dev.paxoshub.node.FrontDoorSignature;
import dev.paxoshub.node.PeerClient;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Signs the forwarding headers of every request on its way to a node, once they are final
 * (this runs after {@code X-Forwarded-*} are set), so that the node can tell them from
 * headers somebody sent it directly.
 */
class SignedForwarding implements RequestHttpHeadersFilter, Ordered {

	private final FrontDoorSignature signature;

	SignedForwarding(FrontDoorSignature signature) {
		this.signature = signature;
	}

	@Override
	public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
		HttpHeaders signed = new HttpHeaders();
		signed.addAll(headers);
		signed.set(FrontDoorSignature.HEADER,
				this.signature.sign(request.method().name(), PeerClient.pathAndQuery(request.uri()), signed::getFirst));
		return signed;
	}

	/** Last of all, after the gateway's own forwarding headers filter. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
