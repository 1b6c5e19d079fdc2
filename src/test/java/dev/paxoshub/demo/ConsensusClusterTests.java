package dev.paxoshub.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.paxoshub.demo.ApiClient.Reply;
import dev.paxoshub.support.TestLayout;
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
 * Three real nodes with consensus ON: each embeds an Atomix member and the three form a
 * Raft group over loopback TCP. Whatever node a request goes through, a name is claimed
 * once, an acknowledged change is visible everywhere, and a node without a majority
 * refuses to write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsensusClusterTests {

	private static final List<String> NODES = TestLayout.NODES;

	private static final String PASSWORD = "correct-horse";

	@TempDir
	static Path data;

	private DemoCluster cluster;

	private final ApiClient api = new ApiClient();

	@BeforeAll
	void startCluster() {
		this.cluster = RunningCluster.start(data, "--paxoshub.consensus=on", "--paxoshub.raft.operation-timeout=2s",
				"--paxoshub.raft.start-timeout=30s");
		awaitEveryNodeWritable();
	}

	@AfterAll
	void stopCluster() {
		this.cluster.close();
	}

	@AfterEach
	void everyNodeBackUp() {
		NODES.forEach(this.cluster::startNode);
		awaitEveryNodeWritable();
	}

	@Test
	void concurrentClaimsOfOneNameThroughEveryNodeMakeExactlyOneAccount() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(NODES.size());
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (String name : NODES) {
				replies.add(clients.submit((Callable<Reply>) () -> this.api.signUp(node(name), "paxosexpert")));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Reply> reply : replies) {
				statuses.add(reply.get().status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409);
		}
		finally {
			clients.shutdown();
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<String> ids = new ArrayList<>();
			for (String name : NODES) {
				List<JsonNode> copies = recordsNamed(name, "paxosexpert");
				assertThat(copies).as("paxosexpert on %s", name).hasSize(1);
				ids.add(copies.get(0).get("id").asString());
			}
			assertThat(ids).containsOnly(ids.get(0));
		});
	}

	@Test
	void aProfileEditThroughMorpheusIsVisibleThroughNeoAndTrinityAsSoonAsItIsAcknowledged() {
		assertThat(this.api.signUp(node("morpheus"), "oracle").status()).isEqualTo(201);
		Reply edited = this.api.send(HttpRequest.newBuilder(node("morpheus").resolve("/api/accounts/oracle/profile"))
			.header("Authorization", basic("oracle"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"The Oracle\",\"bio\":\"Cookies.\"}")));
		assertThat(edited.status()).isEqualTo(200);

		for (String other : List.of("neo", "trinity")) {
			JsonNode seen = this.api.get(node(other), "/api/accounts/oracle").json();
			assertThat(seen.get("displayName").asString()).as("display name on %s", other).isEqualTo("The Oracle");
		}
	}

	@Test
	void aNodeCutOffFromTheMajorityRefusesWithinTheBoundAndTheClusterLaterAgrees() {
		this.cluster.stopNode("neo");
		this.cluster.stopNode("trinity");

		long started = System.nanoTime();
		Reply refused = this.api.signUp(node("morpheus"), "cypher");
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(refused.json().get("detail").asString()).containsAnyOf("cannot reach a majority",
				"could not confirm");
		// The bound is the operation timeout, twice at most when a timed-out write is
		// read back.
		assertThat(took).isLessThan(Duration.ofSeconds(5));

		this.cluster.startNode("neo");
		this.cluster.startNode("trinity");
		awaitEveryNodeWritable();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<Integer> sizes = NODES.stream().map((name) -> recordsNamed(name, "cypher").size()).toList();
			assertThat(sizes).containsAnyOf(0, 1).containsOnly(sizes.get(0));
		});
	}

	@Test
	void afterStoppingTheLeaderWritesSucceedThroughTheOthers() {
		String leader = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.api.get(node("neo"), "/api/node/accounts")
				.json()
				.get("consensus")
				.get("leader")
				.asString(), NODES::contains);
		String survivor = NODES.stream().filter((name) -> !name.equals(leader)).findFirst().orElseThrow();
		String other = NODES.stream()
			.filter((name) -> !name.equals(leader) && !name.equals(survivor))
			.findFirst()
			.orElseThrow();

		this.cluster.stopNode(leader);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.api.signUp(node(survivor), "tank").status() != 503);
		assertThat(this.api.get(node(other), "/api/accounts/tank").status()).isEqualTo(200);
		JsonNode consensus = this.api.get(node(other), "/api/node/accounts").json().get("consensus");
		assertThat(consensus.get("leader").asString()).isNotEqualTo(leader);
	}

	@Test
	void aRestartedMemberCatchesUpOnWhatItMissed() {
		this.cluster.stopNode("trinity");
		assertThat(this.api.signUp(node("morpheus"), "mouse").status()).isEqualTo(201);

		this.cluster.startNode("trinity");
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(recordsNamed("trinity", "mouse")).hasSize(1));
	}

	@Test
	void afterAllThreeRestartNothingAcknowledgedIsLost() {
		assertThat(this.api.signUp(node("neo"), "dozer").status()).isEqualTo(201);
		NODES.forEach(this.cluster::stopNode);
		NODES.forEach(this.cluster::startNode);
		awaitEveryNodeWritable();
		for (String name : NODES) {
			Reply dozer = this.api.readWhenConfirmed(node(name), "/api/accounts/dozer");
			assertThat(dozer.status()).as("dozer on %s: %s", name, dozer.response().body()).isEqualTo(200);
		}
	}

	@Test
	void aNodeWhoseDataFolderWasWipedRejoinsAndCatchesUp() throws Exception {
		assertThat(this.api.signUp(node("morpheus"), "apoc").status()).isEqualTo(201);
		this.cluster.stopNode("trinity");
		deleteRecursively(data.resolve("trinity"));

		this.cluster.startNode("trinity");
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(recordsNamed("trinity", "apoc")).hasSize(1));
		assertThat(this.api.signUp(node("trinity"), "apoc").status()).isEqualTo(409);
	}

	private static void deleteRecursively(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		assertThat(folder).doesNotExist();
	}

	private void awaitEveryNodeWritable() {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (String name : NODES) {
				Reply status = this.api.get(node(name), "/api/node/accounts");
				assertThat(status.json().get("consensus").get("writable").asBoolean()).as("%s writable", name).isTrue();
			}
		});
	}

	private List<JsonNode> recordsNamed(String node, String username) {
		return this.api.recordsNamed(node(node), username);
	}

	private static String basic(String username) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private URI node(String name) {
		return RunningCluster.url(this.cluster, name);
	}

}
