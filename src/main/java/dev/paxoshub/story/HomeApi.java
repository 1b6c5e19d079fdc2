package dev.paxoshub.story;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.paxoshub.story.Recording.AccountState;
import dev.paxoshub.story.Recording.PropertyState;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The home's API as the engine uses it: what each cluster looks like, its properties, and
 * the operator's chaos and reset. A node's own accounts come from the node's public API.
 * Nothing here reaches into a running node.
 */
public class HomeApi {

	private final RestClient rest;

	private final String operator;

	/**
	 * @param home where the home answers, such as {@code http://127.0.0.1:8080}
	 */
	public HomeApi(URI home, String username, String password) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
		requests.setReadTimeout(Duration.ofSeconds(120));
		this.rest = RestClient.builder().requestFactory(requests).baseUrl(home.toString()).build();
		String credentials = username + ":" + ((password != null) ? password : "");
		this.operator = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	public List<ClusterInfo> clusters() {
		return List.of(this.rest.get().uri("/api/clusters").retrieve().body(ClusterInfo[].class));
	}

	public ClusterInfo cluster(String name) {
		return this.rest.get().uri("/api/clusters/{c}", name).retrieve().body(ClusterInfo.class);
	}

	public List<PropertyState> properties(String cluster) {
		try {
			return List.of(this.rest.get()
				.uri("/api/clusters/{c}/properties", cluster)
				.retrieve()
				.body(PropertyState[].class));
		}
		catch (RestClientException ex) {
			return List.of();
		}
	}

	/** Every record the node holds; empty when it does not answer. */
	public List<AccountState> accounts(URI node) {
		try {
			NodeAccounts accounts = RestClient.create(node.toString())
				.get()
				.uri("/api/node/accounts")
				.retrieve()
				.body(NodeAccounts.class);
			return (accounts != null && accounts.accounts() != null) ? accounts.accounts() : List.of();
		}
		catch (RestClientException ex) {
			return List.of();
		}
	}

	/**
	 * Applies a fault, or lifts one, on a cluster.
	 * @return what happened, in a sentence
	 */
	public String chaos(String cluster, ChaosStep step) {
		String node = step.node();
		String path = (node == null) ? "/api/clusters/{c}/heal"
				: "/api/clusters/{c}/nodes/{n}/" + step.action().fileName() + ((step.emptyDisk()) ? "?disk=empty" : "");
		Object[] variables = (node == null) ? new Object[] { cluster } : new Object[] { cluster, node };
		operate(path, body(step), variables);
		return describe(step);
	}

	/** The cluster back to empty: every node started again with nothing stored. */
	public void reset(String cluster) {
		operate("/api/clusters/{c}/reset", Map.of(), cluster);
	}

	private void operate(String path, Map<String, Object> body, Object... variables) {
		try {
			this.rest.post()
				.uri(path, variables)
				.header(HttpHeaders.AUTHORIZATION, this.operator)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientResponseException ex) {
			ProblemDetail problem = ex.getResponseBodyAs(ProblemDetail.class);
			String detail = (problem != null && problem.getDetail() != null) ? problem.getDetail() : ex.getStatusText();
			throw new HomeRefusedException(ex.getStatusCode().value(), detail);
		}
	}

	private static Map<String, Object> body(ChaosStep step) {
		Map<String, Object> body = new LinkedHashMap<>();
		switch (step.action()) {
			case PARTITION -> {
				if (!step.from().isEmpty()) {
					body.put("from", step.from());
				}
				body.put("direction", (step.direction() != null) ? step.direction() : "both");
			}
			case SLOW -> body.put("delayMs", step.delayMs());
			default -> {
			}
		}
		return body;
	}

	static String describe(ChaosStep step) {
		String node = (step.node() != null) ? displayName(step.node()) : null;
		return switch (step.action()) {
			case KILL -> node + " was killed: its port closed.";
			case REVIVE -> step.emptyDisk() ? node + " came back as a new server, with nothing stored."
					: node + " came back with its data.";
			case FLAKY -> node + "'s network turned flaky: it drops off and comes back at random.";
			case STEADY -> node + "'s network is steady again.";
			case PARTITION -> node + " was cut off from "
					+ (step.from().isEmpty() ? "every peer"
							: String.join(" and ", step.from().stream().map(HomeApi::displayName).toList()))
					+ directionText(step.direction()) + ".";
			case SLOW -> node + "'s links to its peers were slowed by " + step.delayMs() + " ms.";
			case HEAL -> (node != null) ? node + "'s links were healed."
					: "Every node of the cluster was healed and is running.";
		};
	}

	private static String directionText(String direction) {
		if ("in".equals(direction)) {
			return " (it no longer hears them)";
		}
		return "out".equals(direction) ? " (they no longer hear it)" : "";
	}

	static String displayName(String node) {
		return node.isEmpty() ? node : Character.toUpperCase(node.charAt(0)) + node.substring(1);
	}

	/** A cluster as the home summarises it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ClusterInfo(String name, String mode, URI frontDoor, List<NodeInfo> nodes) {

		public ClusterInfo {
			nodes = (nodes != null) ? List.copyOf(nodes) : List.of();
		}

		/** Every node answers and can take a write. */
		public boolean ready() {
			return !this.nodes.isEmpty() && this.nodes.stream().allMatch((node) -> node.up() && node.writable());
		}

		public List<String> notReady() {
			List<String> waiting = new ArrayList<>();
			this.nodes.stream()
				.filter((node) -> !node.up() || !node.writable())
				.forEach((node) -> waiting.add(displayName(node.name()) + " is " + node.condition()));
			return waiting;
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record NodeInfo(String name, URI url, boolean up, String condition, List<String> faults, String role,
			Long term, boolean writable) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record NodeAccounts(List<AccountState> accounts) {
	}

}
