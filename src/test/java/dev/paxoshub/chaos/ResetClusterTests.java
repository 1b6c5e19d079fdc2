package dev.paxoshub.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.paxoshub.demo.ApiClient;
import dev.paxoshub.demo.ApiClient.Reply;
import dev.paxoshub.demo.DemoCluster;
import dev.paxoshub.demo.RunningCluster;
import dev.paxoshub.demo.RunningHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.paxoshub.chaos.ChaosDriver.NODES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starting over through the home's API, on a cluster with consensus OFF and one with
 * consensus ON: a reset leaves nothing of what the cluster stored or acknowledged, brings
 * back the configured mode, and the home judges the fresh cluster alone; a node revived
 * with an empty disk catches up from its peers, by anti-entropy with OFF and from the
 * Raft log with ON, where it is again a follower that the majority needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResetClusterTests {

	/** {@code paxoshub.replication.anti-entropy-interval}, as shipped. */
	private static final Duration ANTI_ENTROPY = Duration.ofSeconds(2);

	/** Longer than any reset: the home answers only once the cluster serves again. */
	private static final Duration RESET_TIMEOUT = Duration.ofMinutes(3);

	@TempDir
	static Path data;

	private DemoCluster off;

	private DemoCluster on;

	private RunningHome home;

	private final ApiClient api = new ApiClient();

	private final HttpClient http = HttpClient.newHttpClient();

	private final AtomicInteger names = new AtomicInteger();

	@BeforeAll
	void startBothClustersAndTheHome() {
		// Both with Raft members, as in the demo: a reset empties the OFF cluster's logs
		// too.
		this.off = RunningCluster.startNamed("off", data.resolve("off"), "--paxoshub.consensus=off",
				"--paxoshub.raft.start-timeout=30s",
				"--paxoshub.replication.anti-entropy-interval=" + ANTI_ENTROPY.toMillis() + "ms");
		this.on = RunningCluster.startNamed("on", data.resolve("on"), "--paxoshub.consensus=on",
				"--paxoshub.raft.start-timeout=30s");
		this.home = RunningHome.watching(this.off, this.on);
		awaitEveryNodeWritable(this.on);
	}

	@AfterAll
	void stopEverything() throws Exception {
		RunningCluster.closeAll(this.home, this.off, this.on);
	}

	/** Whatever a failed test left broken; healing also revives a stopped node. */
	@AfterEach
	void healBoth() {
		operator("/api/clusters/off/heal");
		operator("/api/clusters/on/heal");
	}

	@Test
	void resettingTheOnClusterLeavesNothingStoredNorAcknowledgedAndBringsBackTheConfiguredMode() {
		String before = signUpThroughTheFrontDoor(this.on, "before");
		awaitOnEveryNode(this.on, before, 1);
		assertThat(this.api.get(RunningCluster.frontDoor(this.on), "/front-door/acknowledged").json().values())
			.isNotEmpty();
		// Switched off at runtime, a mode the nodes store: the reset takes it away too.
		assertThat(this.api.switchConsensus(url(this.on, "neo"), "off").status()).isEqualTo(200);
		assertThat(mode(this.on, "morpheus")).isEqualTo("OFF");

		Instant started = Instant.now();
		Reply reset = timedOperator("ON reset", "/api/clusters/on/reset");
		assertThat(reset.status()).as(reset.response().body()).isEqualTo(200);
		assertThat(reset.json().get("name").asString()).isEqualTo("on");

		for (String node : NODES) {
			assertThat(this.api.recordsNamed(url(this.on, node), before)).as("%s on %s", before, node).isEmpty();
			assertThat(mode(this.on, node)).as("mode of %s", node).isEqualTo("ON");
		}
		assertThat(this.api.get(RunningCluster.frontDoor(this.on), "/front-door/acknowledged").json().values())
			.isEmpty();
		assertTimelineStartsWithTheReset("on", started);

		// A new group: it takes writes once its members have joined.
		long ready = System.nanoTime();
		String after = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> trySignUp(RunningCluster.frontDoor(this.on), "after"), (name) -> name != null);
		System.out.printf("ON after reset: first sign-up through the front door after %d ms%n",
				Duration.ofNanos(System.nanoTime() - ready).toMillis());
		awaitOnEveryNode(this.on, after, 1);
		assertThat(this.api.readWhenConfirmed(url(this.on, "trinity"), "/api/accounts/" + before).status())
			.isEqualTo(404);
		awaitEveryNodeWritable(this.on);
	}

	@Test
	void resettingTheOffClusterForgetsItsViolationsAndASecondResetMeanwhileIsRefused() {
		// Morpheus cut off, one name signed up on both sides: conflict resolution breaks.
		signUpThroughTheFrontDoor(this.off, "acknowledged");
		assertThat(this.api.get(RunningCluster.frontDoor(this.off), "/front-door/acknowledged").json().values())
			.isNotEmpty();
		String name = fresh("paxosexpert");
		assertThat(operator("/api/clusters/off/nodes/morpheus/partition").status()).isEqualTo(200);
		assertThat(this.api.signUp(url(this.off, "morpheus"), name).status()).isEqualTo(201);
		assertThat(this.api.signUp(url(this.off, "neo"), name).status()).isEqualTo(201);
		awaitVerdict("off", "conflict-resolution", "violated");

		Instant started = Instant.now();
		CompletableFuture<Reply> first = CompletableFuture
			.supplyAsync(() -> timedOperator("OFF reset", "/api/clusters/off/reset"));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !this.off.isRunning("morpheus") || first.isDone());
		Reply second = operator("/api/clusters/off/reset");
		assertThat(second.status()).as(second.response().body()).isEqualTo(409);
		assertThat(second.header("Content-Type")).startsWith("application/problem+json");
		assertThat(second.json().get("detail").asString())
			.isEqualTo("Cluster off is being reset already; it answers again once every node serves.");
		Reply reset = first.join();
		assertThat(reset.status()).as(reset.response().body()).isEqualTo(200);

		for (String node : NODES) {
			assertThat(this.api.recordsNamed(url(this.off, node), name)).as("%s on %s", name, node).isEmpty();
			assertThat(this.chaos(this.off).faults(node).get("faults").values()).as("faults of %s", node).isEmpty();
		}
		assertThat(this.api.get(RunningCluster.frontDoor(this.off), "/front-door/acknowledged").json().values())
			.isEmpty();
		assertTimelineStartsWithTheReset("off", started);
		Map<String, JsonNode> verdicts = awaitVerdict("off", "conflict-resolution", "holds");
		verdicts.values().forEach((verdict) -> {
			assertThat(verdict.get("verdict").asString()).as(verdict.toString()).isEqualTo("holds");
			assertThat(Instant.parse(verdict.get("since").asString())).as(verdict.toString()).isAfter(started);
		});

		// The name is free again, through every node.
		assertThat(this.api.signUp(RunningCluster.frontDoor(this.off), name).status()).isEqualTo(201);
		awaitOnEveryNode(this.off, name, 1);
	}

	/**
	 * The leader has to bring the new member's empty log up to date; that it did is
	 * proved by a write that needs it: with the third node stopped, nothing commits
	 * unless the revived node appends it after everything before.
	 */
	@Test
	void withConsensusOnANodeRevivedWithAnEmptyDiskCatchesUpFromTheLeaderAndFollows() {
		awaitEveryNodeWritable(this.on);
		String name = signUpThroughTheFrontDoor(this.on, "neo");
		awaitOnEveryNode(this.on, name, 1);
		ChaosDriver chaos = chaos(this.on);
		long committed = chaos.consensus("neo").get("commitIndex").asLong();

		Reply revived = timedOperator("ON revive trinity with an empty disk",
				"/api/clusters/on/nodes/trinity/revive?disk=empty");
		assertThat(revived.status()).as(revived.response().body()).isEqualTo(200);
		assertThat(timeline("on")).extracting((event) -> event.get("text").asString())
			.contains("Trinity came back as a new server with an empty disk.");

		long catchingUp = System.nanoTime();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
			JsonNode trinity = chaos.consensus("trinity");
			return "follower".equals(trinity.get("role").asString()) && trinity.get("lastApplied").asLong() >= committed
					&& this.api.get(url(this.on, "trinity"), "/api/accounts/" + name).status() == 200;
		});
		System.out.printf("ON empty-disk Trinity: follower, log applied to %d and %s served after %d ms%n", committed,
				name, Duration.ofNanos(System.nanoTime() - catchingUp).toMillis());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.api.recordsNamed(url(this.on, "trinity"), name)).hasSize(1));

		String leader = chaos.consensus("trinity").get("leader").asString();
		assertThat(leader).isIn("morpheus", "neo");
		String other = leader.equals("morpheus") ? "neo" : "morpheus";
		this.on.stopNode(other);
		try {
			String needed = await().atMost(Duration.ofSeconds(45))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> trySignUp(url(this.on, leader), "needed"), (created) -> created != null);
			assertThat(this.api.readWhenConfirmed(url(this.on, "trinity"), "/api/accounts/" + needed).status())
				.isEqualTo(200);
			assertThat(this.api.readWhenConfirmed(url(this.on, "trinity"), "/api/accounts/" + name).status())
				.isEqualTo(200);
		}
		finally {
			this.on.startNode(other);
		}
		awaitEveryNodeWritable(this.on);
	}

	@Test
	void withConsensusOffANodeRevivedWithAnEmptyDiskHasNothingUntilAntiEntropyBringsItBack() {
		String name = signUpThroughTheFrontDoor(this.off, "niobe");
		awaitOnEveryNode(this.off, name, 1);
		String id = this.api.recordsNamed(url(this.off, "neo"), name).get(0).get("id").asString();

		Reply revived = timedOperator("OFF revive trinity with an empty disk",
				"/api/clusters/off/nodes/trinity/revive?disk=empty");
		long back = System.nanoTime();
		assertThat(revived.status()).as(revived.response().body()).isEqualTo(200);
		// Its first anti-entropy pass waits one interval from its start.
		assertThat(this.api.recordsNamed(url(this.off, "trinity"), name)).isEmpty();
		assertThat(this.api.get(url(this.off, "trinity"), "/api/accounts/" + name).status()).isEqualTo(404);

		await().atMost(ANTI_ENTROPY.multipliedBy(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.api.get(url(this.off, "trinity"), "/api/accounts/" + name).status() == 200);
		System.out.printf("OFF empty-disk Trinity: 404 at first, %s served %d ms after its revival returned%n", name,
				Duration.ofNanos(System.nanoTime() - back).toMillis());
		assertThat(this.api.recordsNamed(url(this.off, "trinity"), name)).singleElement()
			.satisfies((record) -> assertThat(record.get("id").asString()).isEqualTo(id));
	}

	private void assertTimelineStartsWithTheReset(String cluster, Instant started) {
		List<JsonNode> events = timeline(cluster);
		assertThat(events).isNotEmpty();
		JsonNode oldest = events.get(events.size() - 1);
		assertThat(oldest.get("text").asString())
			.isEqualTo("The cluster was reset: every node started again with nothing stored.");
		assertThat(events).allSatisfy(
				(event) -> assertThat(Instant.parse(event.get("at").asString())).as(event.toString()).isAfter(started));
	}

	private List<JsonNode> timeline(String cluster) {
		return this.api.get(this.home.url(), "/api/clusters/" + cluster + "/timeline")
			.json()
			.values()
			.stream()
			.toList();
	}

	private Map<String, JsonNode> awaitVerdict(String cluster, String property, String verdict) {
		return await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> verdicts(cluster), (verdicts) -> verdicts.containsKey(property)
					&& verdict.equals(verdicts.get(property).get("verdict").asString()));
	}

	private Map<String, JsonNode> verdicts(String cluster) {
		Map<String, JsonNode> byName = new HashMap<>();
		this.api.get(this.home.url(), "/api/clusters/" + cluster + "/properties")
			.json()
			.forEach((verdict) -> byName.put(verdict.get("property").asString(), verdict));
		return byName;
	}

	private String signUpThroughTheFrontDoor(DemoCluster cluster, String prefix) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> trySignUp(RunningCluster.frontDoor(cluster), prefix), (name) -> name != null);
	}

	/** A fresh name signed up through {@code base}; null if it was not taken in. */
	private String trySignUp(URI base, String prefix) {
		String name = fresh(prefix);
		try {
			return (this.api.signUp(base, name).status() == 201) ? name : null;
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	private void awaitOnEveryNode(DemoCluster cluster, String name, int records) {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> NODES.forEach(
					(node) -> assertThat(this.api.recordsNamed(url(cluster, node), name)).as("%s on %s", name, node)
						.hasSize(records)));
	}

	private void awaitEveryNodeWritable(DemoCluster cluster) {
		ChaosDriver chaos = chaos(cluster);
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.untilAsserted(() -> NODES
				.forEach((node) -> assertThat(chaos.consensus(node).get("writable").asBoolean()).as("%s writable", node)
					.isTrue()));
	}

	private String mode(DemoCluster cluster, String node) {
		return chaos(cluster).consensus(node).get("mode").asString();
	}

	/** An operator's POST to the home, timed and printed. */
	private Reply timedOperator(String what, String path) {
		long started = System.nanoTime();
		Reply reply = operator(path);
		System.out.printf("%s: %d in %d ms%n", what, reply.status(),
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		return reply;
	}

	/**
	 * Sent once, with time for a whole reset: a request the test client gave up on and
	 * sent again would be a second reset.
	 */
	private Reply operator(String path) {
		HttpRequest request = ApiClient.asOperator(HttpRequest.newBuilder(this.home.url().resolve(path)))
			.timeout(RESET_TIMEOUT)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return new Reply(this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private ChaosDriver chaos(DemoCluster cluster) {
		return new ChaosDriver(cluster);
	}

	private static URI url(DemoCluster cluster, String node) {
		return RunningCluster.url(cluster, node);
	}

	private String fresh(String prefix) {
		return prefix + this.names.incrementAndGet();
	}

}
