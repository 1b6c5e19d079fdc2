package dev.paxoshub.home;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import dev.paxoshub.node.PaxoshubProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The home's calls to one node, over the node's own APIs and nothing else: what it says
 * of itself and its links, what it holds, and, as the operator, the node's chaos
 * controls. Short timeouts: a node that does not answer at once is shown as not
 * answering.
 */
@Component
class NodeClient {

	private static final Duration TIMEOUT = Duration.ofMillis(800);

	private final RestClient rest;

	private final String operator;

	NodeClient(RestClient.Builder builder, PaxoshubProperties properties) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(TIMEOUT);
		requests.setReadTimeout(TIMEOUT);
		this.rest = builder.requestFactory(requests).build();
		String credentials = properties.admin().username() + ":" + properties.admin().password();
		this.operator = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * {@code /api/node}: the node's consensus status and refusals; empty when it does not
	 * answer.
	 */
	Optional<JsonNode> status(URI node) {
		return get(node, "/api/node");
	}

	/** {@code /api/node/chaos}: the faults the node applies to its links. */
	Optional<JsonNode> faults(URI node) {
		return get(node, "/api/node/chaos");
	}

	/** {@code /api/node/accounts}: every record the node holds (without emails). */
	Optional<JsonNode> accounts(URI node) {
		return get(node, "/api/node/accounts");
	}

	/** {@code /api/node/traffic}: what crossed the node's links. */
	Optional<JsonNode> traffic(URI node) {
		return get(node, "/api/node/traffic");
	}

	/**
	 * {@code /front-door/acknowledged} of a cluster's front door: every write it told a
	 * client was done.
	 */
	Optional<JsonNode> acknowledged(URI frontDoor) {
		return get(frontDoor, "/front-door/acknowledged");
	}

	/**
	 * Asks a node to apply or lift a fault on its own links.
	 * @throws ChaosRefusedException with the node's own sentence when it refuses
	 */
	JsonNode chaos(URI node, String action, Map<String, Object> body) {
		try {
			return this.rest.post()
				.uri(node.resolve("/api/node/chaos/" + action))
				.header(HttpHeaders.AUTHORIZATION, this.operator)
				.contentType(MediaType.APPLICATION_JSON)
				.body((body != null) ? body : Map.of())
				.retrieve()
				.body(JsonNode.class);
		}
		catch (RestClientResponseException ex) {
			JsonNode problem = ex.getResponseBodyAs(JsonNode.class);
			String detail = (problem != null && problem.has("detail")) ? problem.get("detail").asString()
					: ex.getStatusText();
			throw new ChaosRefusedException(ex.getStatusCode().value(), detail);
		}
		catch (RestClientException ex) {
			throw new ChaosRefusedException(503, "The node did not answer: " + ex.getMessage());
		}
	}

	/**
	 * Reading needs no credentials, and is sent none: a node checks a password with
	 * BCrypt, tens of milliseconds of its CPU each time, and the home reads every node
	 * several times a second.
	 */
	private Optional<JsonNode> get(URI node, String path) {
		try {
			return Optional.ofNullable(this.rest.get().uri(node.resolve(path)).retrieve().body(JsonNode.class));
		}
		catch (RestClientException ex) {
			return Optional.empty();
		}
	}

}
