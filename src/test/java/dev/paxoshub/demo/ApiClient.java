package dev.paxoshub.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives a node or the front door through the public JSON API, as any program would. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	public Reply signUp(URI base, String username) {
		return send(HttpRequest.newBuilder(base.resolve("/api/accounts"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"email\":\"" + username
					+ "@example.org\",\"password\":\"correct-horse\"}")));
	}

	/** Switches consensus for the whole cluster through one node, as the operator. */
	public Reply switchConsensus(URI node, String mode) {
		return send(asOperator(HttpRequest.newBuilder(node.resolve("/api/cluster/consensus")))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")));
	}

	public static HttpRequest.Builder asOperator(HttpRequest.Builder request) {
		return request.header("Authorization", basic(RunningCluster.OPERATOR, RunningCluster.OPERATOR_PASSWORD));
	}

	public static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public Reply get(URI base, String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/**
	 * Reads through a node that may, just after members joined or left, still refuse
	 * reads for a moment (503: it cannot yet confirm with a majority) rather than show
	 * possibly stale data.
	 */
	public Reply readWhenConfirmed(URI node, String path) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> get(node, path), (reply) -> reply.status() != 503);
	}

	/** The account records named so (any case) in one node's own database. */
	public List<JsonNode> recordsNamed(URI node, String username) {
		return get(node, "/api/node/accounts").json()
			.get("accounts")
			.values()
			.stream()
			.filter((r) -> r.get("username").asString().equalsIgnoreCase(username))
			.toList();
	}

	public Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Reply(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Reply(HttpResponse<String> response) {

		public int status() {
			return this.response.statusCode();
		}

		public String servedBy() {
			return this.response.headers().firstValue("X-Paxoshub-Served-By").orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(this.response.body());
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

	}

}
