package dev.paxoshub.node;

import java.net.URI;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * HTTP to the other nodes. Calls are short and bounded: a peer that does not answer
 * quickly is treated as down, which is what a flaky Morpheus looks like from Neo. Every
 * call is signed ({@link NodeSignature}), so the peer knows it comes from a node of the
 * cluster.
 */
@Component
public class PeerClient {

	private final RestClient rest;

	PeerClient(RestClient.Builder builder, PaxoshubProperties properties, NodeSignature signature) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.replication().peerTimeout());
		requests.setReadTimeout(properties.replication().peerTimeout());
		this.rest = builder.requestFactory(requests).requestInterceptor((request, body, execution) -> {
			request.getHeaders()
				.set(NodeSignature.HEADER,
						signature.sign(request.getMethod().name(), pathAndQuery(request.getURI()), body));
			return execution.execute(request, body);
		}).build();
	}

	public RestClient rest() {
		return this.rest;
	}

	public static URI uri(NodeAddress node, String path, Object... variables) {
		return UriComponentsBuilder.fromUri(node.url()).path(path).buildAndExpand(variables).toUri();
	}

	/**
	 * The path and query exactly as sent, which is what the receiving node signs again.
	 */
	public static String pathAndQuery(URI uri) {
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
	}

}
