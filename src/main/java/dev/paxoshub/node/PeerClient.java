package dev.paxoshub.node;

import java.net.URI;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * HTTP to the other nodes. Calls are short and bounded: a peer that does not answer quickly is
 * treated as down, which is what a flaky Morpheus looks like from Neo.
 */
@Component
public class PeerClient {

	public static final String SECRET_HEADER = "X-Paxoshub-Cluster-Secret";

	private final RestClient rest;

	PeerClient(RestClient.Builder builder, PaxoshubProperties properties) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(properties.replication().peerTimeout());
		requests.setReadTimeout(properties.replication().peerTimeout());
		this.rest = builder.requestFactory(requests)
			.defaultHeader(SECRET_HEADER, properties.cluster().secret())
			.build();
	}

	public RestClient rest() {
		return this.rest;
	}

	public static URI uri(NodeAddress node, String path, Object... variables) {
		return UriComponentsBuilder.fromUri(node.url()).path(path).buildAndExpand(variables).toUri();
	}

}
