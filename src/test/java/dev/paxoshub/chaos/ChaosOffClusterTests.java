package dev.paxoshub.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each chaos fault by its effect on a cluster with consensus OFF: a partitioned node
 * misses the replicas pushed to it and catches up through anti-entropy once healed, a
 * slow node's calls to its peers take longer by the delay, a flaky node's port comes and
 * goes. One cluster for the class; every test heals what it broke.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosOffClusterTests {

	/** {@code paxoshub.replication.anti-entropy-interval}, as shipped. */
	private static final Duration ANTI_ENTROPY = Duration.ofSeconds(2);

	@TempDir
	static Path data;

	private DemoCluster cluster;

	private ChaosDriver chaos;

	private final ApiClient api = new ApiClient();

	@BeforeAll
	void startCluster() {
		this.cluster = RunningCluster.start(data, "--paxoshub.consensus=off", "--paxoshub.raft.enabled=false",
				"--paxoshub.replication.anti-entropy-interval=" + ANTI_ENTROPY.toMillis() + "ms");
		this.chaos = new ChaosDriver(this.cluster);
	}

	@AfterAll
	void stopCluster() {
		this.cluster.close();
	}

	@AfterEach
	void healed() {
		this.chaos.healEverywhere();
	}

	@Test
	void aPartitionedNodeMissesAnAccountCreatedElsewhereAndCatchesUpAfterHeal() {
		this.chaos.applied("trinity", "partition", null);

		assertThat(this.api.signUp(node("morpheus"), "niobe").status()).isEqualTo(201);
		long droppedSince = this.chaos.counted("trinity", "replica", "dropped");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.recordsNamed(node("neo"), "niobe")).hasSize(1));
		// Two of Trinity's anti-entropy passes failed to reach either peer since the
		// sign-up, so its missing the account is no race with the next pass.
		await().atMost(ANTI_ENTROPY.multipliedBy(4))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.chaos.counted("trinity", "replica", "dropped") >= droppedSince + 4);
		assertThat(this.api.recordsNamed(node("trinity"), "niobe")).isEmpty();
		assertThat(this.api.get(node("trinity"), "/api/accounts/niobe").status()).isEqualTo(404);

		this.chaos.applied("trinity", "heal", null);
		long healed = System.nanoTime();
		await().atMost(ANTI_ENTROPY.multipliedBy(4))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(this.api.recordsNamed(node("trinity"), "niobe")).hasSize(1));
		System.out.printf("OFF: Trinity caught up %d ms after heal%n", (System.nanoTime() - healed) / 1_000_000);
		Reply served = this.api.get(node("trinity"), "/api/accounts/niobe");
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.servedBy()).isEqualTo("trinity");
	}

	/**
	 * {@code GET /api/cluster} asks each peer in turn for what it holds, so a slow node's
	 * view of its cluster costs two delays more.
	 */
	@Test
	void aSlowNodesRoundTripsToItsPeersTakeLongerByTheDelay() {
		Duration delay = Duration.ofMillis(400);
		timeClusterViews("morpheus", 3);
		// The fastest of five: load on the machine only ever adds.
		List<Duration> baselineViews = timeClusterViews("morpheus", 5);
		Duration baseline = ChaosDriver.fastest(baselineViews);
		JsonNode faults = this.chaos.applied("morpheus", "slow", "{\"delayMs\":" + delay.toMillis() + "}");
		assertThat(faults.get("delayMs").asLong()).isEqualTo(delay.toMillis());
		assertThat(faults.get("faults").values().stream().map(JsonNode::asString))
			.contains("slow (+400 ms to its peers)");
		List<Duration> slowedViews = timeClusterViews("morpheus", 5);
		Duration slowed = ChaosDriver.fastest(slowedViews);

		Duration added = slowed.minus(baseline);
		System.out.printf(
				"OFF slow morpheus by %d ms: cluster view fastest %d ms of %s -> %d ms of %s (+%d ms for two peers)%n",
				delay.toMillis(), baseline.toMillis(), ChaosDriver.millis(baselineViews), slowed.toMillis(),
				ChaosDriver.millis(slowedViews), added.toMillis());
		Duration twoDelays = delay.multipliedBy(2);
		assertThat(added).isBetween(twoDelays.multipliedBy(8).dividedBy(10), twoDelays.plusMillis(400));

		// Only Morpheus's own calls wait: Neo's view of the cluster is as fast as before.
		Duration neo = ChaosDriver.fastest(timeClusterViews("neo", 3));
		assertThat(neo).isLessThan(baseline.plus(delay));
	}

	@Test
	void aFlakyNodesPortComesAndGoesUntilItIsSteady() {
		JsonNode flaky = this.chaos.applied("neo", "flaky", "{\"downMs\":[200,400],\"upMs\":[200,400]}");
		assertThat(flaky.get("flaky").asBoolean()).isTrue();
		FlakyPort.assertComesAndGoes(node("neo"));
		FlakyPort.steady(this.chaos, "neo");
		FlakyPort.assertStaysOpen(node("neo"));

		JsonNode faults = this.chaos.faults("neo");
		assertThat(faults.get("flaky").asBoolean()).isFalse();
		assertThat(faults.get("away").asBoolean()).isFalse();
		assertThat(this.api.signUp(node("neo"), "sparks").status()).isEqualTo(201);
	}

	private List<Duration> timeClusterViews(String node, int count) {
		List<Duration> took = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Timed view = ChaosDriver.timed(() -> this.api.get(node(node), "/api/cluster"));
			assertThat(view.reply().status()).isEqualTo(200);
			assertThat(view.reply().json().get("nodes").values().stream().map((n) -> n.get("up").asBoolean()))
				.as("every peer answered %s", node)
				.containsOnly(true);
			took.add(view.took());
		}
		return took;
	}

	private URI node(String name) {
		return this.chaos.node(name);
	}

}
