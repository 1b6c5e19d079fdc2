package dev.paxoshub.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.paxoshub.demo.ApiClient;
import dev.paxoshub.demo.ApiClient.Reply;
import dev.paxoshub.demo.DemoCluster;
import dev.paxoshub.demo.RunningCluster;
import dev.paxoshub.support.TestLayout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chaos controls of a running cluster's nodes, used as the operator uses them (each
 * node's own {@code /api/node/chaos}), and what a test needs to see a fault by its
 * effect: the node's port, its link counters, timings.
 */
final class ChaosDriver {

	static final List<String> NODES = TestLayout.NODES;

	private final DemoCluster cluster;

	private final ApiClient api = new ApiClient();

	ChaosDriver(DemoCluster cluster) {
		this.cluster = cluster;
	}

	URI node(String name) {
		return RunningCluster.url(this.cluster, name);
	}

	/** A chaos action on one node, as the operator; {@code json} may be null. */
	Reply apply(String node, String action, String json) {
		return post(node(node).resolve("/api/node/chaos/" + action), json,
				ApiClient.basic(RunningCluster.OPERATOR, RunningCluster.OPERATOR_PASSWORD));
	}

	/** A chaos action that must be carried out: the node answers 200 with its faults. */
	JsonNode applied(String node, String action, String json) {
		Reply reply = apply(node, action, json);
		assertThat(reply.status()).as("%s %s: %s", node, action, reply.response().body()).isEqualTo(200);
		return reply.json();
	}

	/** A POST with the given Authorization header, or none when it is null. */
	Reply post(URI uri, String json, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return this.api.send(request);
		}
		catch (IllegalStateException ex) {
			// A kept-alive connection the node closed just then (idle too long, or its
			// port closed by a flaky network): every chaos action may be asked twice.
			return this.api.send(request);
		}
	}

	/**
	 * A GET of the node's own state, asked twice if the connection was closed under it.
	 */
	private Reply get(String node, String path) {
		try {
			return this.api.get(node(node), path);
		}
		catch (IllegalStateException ex) {
			return this.api.get(node(node), path);
		}
	}

	/** {@code GET /api/node/chaos}: what the node says it does to its links. */
	JsonNode faults(String node) {
		return get(node, "/api/node/chaos").json();
	}

	/**
	 * Every running node healed. A flaky node's port may be closed at the moment of
	 * asking, so each is asked until it answers.
	 */
	void healEverywhere() {
		for (String node : NODES) {
			if (this.cluster.isRunning(node)) {
				await().atMost(Duration.ofSeconds(15))
					.pollInterval(Duration.ofMillis(50))
					.ignoreExceptions()
					.until(() -> apply(node, "heal", null).status() == 200);
			}
		}
	}

	/** The consensus status a node gives of itself, {@code GET /api/node}. */
	JsonNode consensus(String node) {
		return get(node, "/api/node").json().get("consensus");
	}

	/** How many messages of a kind this node sent to any peer so far. */
	long sent(String node, String kind) {
		return counted(node, kind, "sent");
	}

	long counted(String node, String kind, String fate) {
		JsonNode counts = get(node, "/api/node/traffic").json().get("counts");
		long total = 0;
		for (Map.Entry<String, JsonNode> count : counts.properties()) {
			String[] key = count.getKey().split("\\|");
			if (key.length == 3 && key[1].equals(kind) && key[2].equals(fate)) {
				total += count.getValue().asLong();
			}
		}
		return total;
	}

	/** Whether a TCP connection to the node's HTTP port is accepted right now. */
	static boolean portAccepts(URI node) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(node.getHost(), node.getPort()), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static Timed timed(Supplier<Reply> request) {
		long started = System.nanoTime();
		Reply reply = request.get();
		return new Timed(reply, Duration.ofNanos(System.nanoTime() - started));
	}

	static Duration median(List<Duration> durations) {
		List<Duration> sorted = new ArrayList<>(durations);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

	static Duration fastest(List<Duration> durations) {
		return durations.stream().min(Duration::compareTo).orElseThrow();
	}

	static List<Long> millis(List<Duration> durations) {
		return durations.stream().map(Duration::toMillis).toList();
	}

	/** A reply and how long it took to come. */
	record Timed(Reply reply, Duration took) {
	}

}
