package dev.paxoshub.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.paxoshub.chaos.ChaosDriver.Timed;
import dev.paxoshub.demo.ApiClient;
import dev.paxoshub.demo.ApiClient.Reply;
import dev.paxoshub.demo.DemoCluster;
import dev.paxoshub.demo.RunningCluster;
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
 * Each chaos fault by its effect on a cluster with consensus ON: a node cut off refuses
 * writes (within the operation timeout) while the majority writes on, a killed leader is
 * replaced through an election, a slow node's writes take longer by the delay, a flaky
 * node's port comes and goes. One cluster for the class; every test heals what it broke.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosOnClusterTests {

	/** {@code paxoshub.raft.operation-timeout}, the bound the README promises. */
	private static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(2);

	/** What a loaded two-core machine may add to the bound: scheduling, not waiting. */
	private static final Duration SCHEDULING_MARGIN = Duration.ofMillis(300);

	@TempDir
	static Path data;

	private DemoCluster cluster;

	private ChaosDriver chaos;

	private final ApiClient api = new ApiClient();

	private final AtomicInteger names = new AtomicInteger();

	@BeforeAll
	void startCluster() {
		this.cluster = RunningCluster.start(data, "--paxoshub.consensus=on", "--paxoshub.raft.start-timeout=30s");
		this.chaos = new ChaosDriver(this.cluster);
		awaitEveryNodeWritable();
	}

	@AfterAll
	void stopCluster() {
		this.cluster.close();
	}

	@AfterEach
	void healed() {
		NODES.forEach(this.cluster::startNode);
		this.chaos.healEverywhere();
		awaitEveryNodeWritable();
	}

	@Test
	void aNodeCutOffFromBothPeersRefusesWritesTheMajorityWritesOnAndAfterHealTheNodeServesWhatItMissed() {
		JsonNode faults = this.chaos.applied("morpheus", "partition", null);
		assertThat(faults.get("cutInbound").values().stream().map(JsonNode::asString)).containsExactlyInAnyOrder("neo",
				"trinity");
		assertThat(faults.get("faults").values().stream().map(JsonNode::asString))
			.contains("cut off from Neo (both ways)", "cut off from Trinity (both ways)");

		// Until Morpheus's failure detector notices, a write may be sent and time out
		// ("outcome unknown"); once it knows, it sends nothing. Neither is ever a
		// success.
		List<Reply> refusals = new ArrayList<>();
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			Reply reply = this.api.signUp(node("morpheus"), fresh("cypher"));
			refusals.add(reply);
			return reply.status() == 503 && detail(reply).contains("cannot reach a majority of the cluster");
		});
		assertThat(refusals).allSatisfy((reply) -> assertThat(reply.status()).isEqualTo(503));
		Reply refused = refusals.get(refusals.size() - 1);
		assertThat(detail(refused))
			.isEqualTo("Morpheus cannot reach a majority of the cluster; nothing was changed. Try again in a moment.");
		assertThat(refused.header("Retry-After")).isNotBlank();

		String missed = writeThrough("neo", "apoc");
		// Trinity is on the majority side, but may refuse a read for a moment while its
		// client session moves to the new leader (seen in CI).
		assertThat(this.api.readWhenConfirmed(node("trinity"), "/api/accounts/" + missed).status()).isEqualTo(200);
		assertThat(this.api.recordsNamed(node("morpheus"), missed)).isEmpty();
		// Morpheus will not pass off what it holds as current: no 404 for an account it
		// missed.
		assertThat(this.api.get(node("morpheus"), "/api/accounts/" + missed).status()).isEqualTo(503);

		this.chaos.applied("morpheus", "heal", null);
		Reply served = this.api.readWhenConfirmed(node("morpheus"), "/api/accounts/" + missed);
		assertThat(served.status()).as(served.response().body()).isEqualTo(200);
		assertThat(served.servedBy()).isEqualTo("morpheus");
		assertThat(served.json().get("username").asString()).isEqualTo(missed);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.recordsNamed(node("morpheus"), missed)).hasSize(1));
	}

	/**
	 * The first write after the cut, timed from the request: the node may not have
	 * noticed yet that its peers are gone, and must still answer within the operation
	 * timeout.
	 */
	@Test
	void aWriteToANodeJustCutOffFromBothPeersIsRefusedWithinTheOperationTimeout() {
		List<Duration> took = timeRefusals(() -> this.chaos.applied("morpheus", "partition", null),
				() -> this.chaos.applied("morpheus", "heal", null));
		assertWithinTheBound("cut node", took);
	}

	/**
	 * The peers go silent without a goodbye: Neo and Trinity drop everything to and from
	 * Morpheus on their side, so Morpheus's own links are intact and nothing tells it
	 * that it is alone except the silence.
	 */
	@Test
	void aWriteToANodeWhosePeersFellSilentIsRefusedWithinTheOperationTimeout() {
		String toMorpheus = "{\"from\":[\"morpheus\"],\"direction\":\"both\"}";
		List<Duration> took = timeRefusals(() -> {
			this.chaos.applied("neo", "partition", toMorpheus);
			this.chaos.applied("trinity", "partition", toMorpheus);
		}, () -> {
			this.chaos.applied("neo", "heal", null);
			this.chaos.applied("trinity", "heal", null);
		});
		assertThat(this.chaos.faults("morpheus").get("faults").values()).isEmpty();
		assertWithinTheBound("silent peers", took);
	}

	@Test
	void whenTheLeaderIsKilledTheSurvivorsHoldAnElectionAndTheRevivedNodeComesBackWithItsData() {
		String leader = leader();
		List<String> survivors = NODES.stream().filter((name) -> !name.equals(leader)).toList();
		String before = writeThrough(survivors.get(0), "tank");
		long oldTerm = this.chaos.consensus(survivors.get(0)).get("term").asLong();
		long electionsBefore = elections(survivors);

		this.cluster.stopNode(leader);

		String newLeader = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> survivors.stream()
				.filter((name) -> "leader".equals(this.chaos.consensus(name).get("role").asString()))
				.findFirst()
				.orElse(null), (name) -> name != null);
		JsonNode elected = this.chaos.consensus(newLeader);
		assertThat(elected.get("term").asLong()).isGreaterThan(oldTerm);
		assertThat(elected.get("leader").asString()).isEqualTo(newLeader);
		assertThat(elections(survivors)).as("votes and polls the survivors sent").isGreaterThan(electionsBefore);
		String during = writeThrough(newLeader, "dozer");

		this.cluster.startNode(leader);
		for (String account : List.of(before, during)) {
			Reply served = this.api.readWhenConfirmed(node(leader), "/api/accounts/" + account);
			assertThat(served.status()).as("%s on %s: %s", account, leader, served.response().body()).isEqualTo(200);
			assertThat(served.servedBy()).isEqualTo(leader);
		}
		assertThat(this.api.recordsNamed(node(leader), before)).hasSize(1);
	}

	/**
	 * A follower's writes go to the leader over its slowed link, so each takes about the
	 * delay longer. Only what the follower sends waits, never the leader's heartbeats, so
	 * a delay above the election timeout starts no election.
	 */
	@Test
	void aSlowFollowersWritesTakeLongerByTheDelay() {
		String follower = NODES.stream().filter((name) -> !name.equals(leader())).findFirst().orElseThrow();
		Duration delay = Duration.ofMillis(600);
		// Writable is what the node says; that its writes go through is what counts here.
		writeThrough(follower, "warm");
		List<Duration> baselineWrites = timeWrites(follower, 3);
		Duration baseline = ChaosDriver.median(baselineWrites);
		JsonNode faults = this.chaos.applied(follower, "slow", "{\"delayMs\":" + delay.toMillis() + "}");
		assertThat(faults.get("delayMs").asLong()).isEqualTo(delay.toMillis());
		List<Duration> slowedWrites = timeWrites(follower, 3);
		Duration slowed = ChaosDriver.median(slowedWrites);

		Duration added = slowed.minus(baseline);
		System.out.printf("ON slow %s by %d ms: write median %d ms %s -> %d ms %s (+%d ms)%n", follower,
				delay.toMillis(), baseline.toMillis(), ChaosDriver.millis(baselineWrites), slowed.toMillis(),
				ChaosDriver.millis(slowedWrites), added.toMillis());
		// At least one delay, for the command to the leader; runs here measured between
		// one and two (+514 ms, +1134 ms for 600 ms), so the bound allows two.
		assertThat(added).isBetween(delay.multipliedBy(8).dividedBy(10), delay.multipliedBy(2).plusMillis(300));

		this.chaos.applied(follower, "heal", null);
		assertThat(this.chaos.faults(follower).get("delayMs").asLong()).isZero();
	}

	@Test
	void aFlakyNodesPortComesAndGoesUntilItIsSteady() {
		long droppedBefore = this.chaos.counted("trinity", "membership", "dropped")
				+ this.chaos.counted("trinity", "append", "dropped");
		this.chaos.applied("trinity", "flaky", "{\"downMs\":[200,400],\"upMs\":[200,400]}");
		FlakyPort.assertComesAndGoes(node("trinity"));
		FlakyPort.steady(this.chaos, "trinity");
		FlakyPort.assertStaysOpen(node("trinity"));

		JsonNode faults = this.chaos.faults("trinity");
		assertThat(faults.get("flaky").asBoolean()).isFalse();
		assertThat(faults.get("away").asBoolean()).isFalse();
		// While away, Raft's traffic really stopped: the node dropped what it would have
		// sent.
		assertThat(this.chaos.counted("trinity", "membership", "dropped")
				+ this.chaos.counted("trinity", "append", "dropped"))
			.isGreaterThan(droppedBefore);
	}

	/** Five times: break, then at once time a sign-up through Morpheus, then repair. */
	private List<Duration> timeRefusals(Runnable cut, Runnable repair) {
		List<Duration> took = new ArrayList<>();
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String role = this.chaos.consensus("morpheus").get("role").asString();
			cut.run();
			Timed write = ChaosDriver.timed(() -> this.api.signUp(node("morpheus"), fresh("cypher")));
			repair.run();
			took.add(write.took());
			answers.add(role + ": " + write.reply().status() + " " + detail(write.reply()));
			awaitEveryNodeWritable();
		}
		System.out.printf("refusals %s ms, median %d ms%n  %s%n", ChaosDriver.millis(took),
				ChaosDriver.median(took).toMillis(), String.join("\n  ", answers));
		assertThat(answers).allSatisfy((answer) -> assertThat(answer).contains(": 503 "));
		return took;
	}

	private static void assertWithinTheBound(String what, List<Duration> took) {
		System.out.printf("%s: median refusal %d ms of %s%n", what, ChaosDriver.median(took).toMillis(),
				ChaosDriver.millis(took));
		assertThat(took).as("%s: each refusal within %s of the request", what, OPERATION_TIMEOUT)
			.allSatisfy(
					(duration) -> assertThat(duration).isLessThanOrEqualTo(OPERATION_TIMEOUT.plus(SCHEDULING_MARGIN)));
	}

	private List<Duration> timeWrites(String node, int count) {
		List<Duration> took = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Timed write = ChaosDriver.timed(() -> this.api.signUp(node(node), fresh("mouse")));
			assertThat(write.reply().status()).as(write.reply().response().body()).isEqualTo(201);
			took.add(write.took());
		}
		return took;
	}

	/**
	 * A new account through the node, retried under fresh names while it cannot write.
	 */
	private String writeThrough(String node, String prefix) {
		return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			String name = fresh(prefix);
			return (this.api.signUp(node(node), name).status() == 201) ? name : null;
		}, (name) -> name != null);
	}

	private long elections(List<String> nodes) {
		return nodes.stream().mapToLong((name) -> this.chaos.sent(name, "vote") + this.chaos.sent(name, "poll")).sum();
	}

	private String leader() {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.chaos.consensus("neo").get("leader").asString(), NODES::contains);
	}

	private String fresh(String prefix) {
		return prefix + this.names.incrementAndGet();
	}

	private static String detail(Reply reply) {
		JsonNode detail = reply.json().get("detail");
		return (detail != null) ? detail.asString() : "";
	}

	private void awaitEveryNodeWritable() {
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.untilAsserted(() -> {
				for (String name : NODES) {
					assertThat(this.chaos.consensus(name).get("writable").asBoolean()).as("%s writable", name).isTrue();
				}
			});
	}

	private URI node(String name) {
		return this.chaos.node(name);
	}

}
