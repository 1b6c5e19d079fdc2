package dev.paxoshub.node;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
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

	/**
	 * Where consensus OFF's replicas travel between nodes; counted as their own kind of
	 * traffic.
	 */
	public static final String REPLICAS = "/internal/replicas";

	private final RestClient rest;

	PeerClient(RestClient.Builder builder, PaxoshubProperties properties, NodeSignature signature, Links links,
			NodeIdentity node) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.replication().peerTimeout());
		requests.setReadTimeout(properties.replication().peerTimeout());
		this.rest = builder.requestFactory(requests).requestInterceptor((request, body, execution) -> {
			String peer = node.nodeAt(request.getURI()).orElse(null);
			if (peer != null) {
				throughLink(links, peer, kind(request.getURI()));
			}
			request.getHeaders()
				.set(NodeSignature.HEADER,
						signature.sign(request.getMethod().name(), pathAndQuery(request.getURI()), body));
			return execution.execute(request, body);
		}).build();
	}

	/**
	 * A call to a peer the links cut fails as a dead peer's would, before anything is
	 * sent; a slow link holds it back first.
	 */
	private static void throughLink(Links links, String peer, String kind) throws IOException {
		if (!links.canExchangeWith(peer)) {
			links.count(peer, kind, "dropped");
			throw new ConnectException("link to " + peer + " cut by chaos");
		}
		links.count(peer, kind, "sent");
		if (!links.delay().isZero()) {
			try {
				Thread.sleep(links.delay().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted on a slow link");
			}
		}
	}

	private static String kind(URI uri) {
		return uri.getPath().startsWith(REPLICAS) ? "replica" : "other";
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
