package dev.paxoshub.demo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.paxoshub.demo.ApiClient.Reply;
import dev.paxoshub.support.TestLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The story end to end: with consensus OFF the nodes split on {@code paxosexpert};
 * turning consensus ON at runtime settles the name on the oldest account, keeps the other
 * copy and reports it; from then on the name cannot be taken again through any node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsensusToggleClusterTests {

	private static final List<String> NODES = TestLayout.NODES;

	@TempDir
	static Path data;

	private DemoCluster cluster;

	private final ApiClient api = new ApiClient();

	@BeforeAll
	void startCluster() {
		this.cluster = RunningCluster.start(data, "--paxoshub.consensus=off",
				"--paxoshub.replication.anti-entropy-interval=3s", "--paxoshub.raft.start-timeout=30s");
	}

	@AfterAll
	void stopCluster() {
		this.cluster.close();
	}

	@Test
	void turningConsensusOnSettlesTheSplitNameOnTheOldestAccountAndKeepsTheOther() {
		this.cluster.stopNode("neo");
		Reply first = this.api.signUp(node("morpheus"), "paxosexpert");
		assertThat(first.status()).isEqualTo(201);
		String morpheusCopy = first.json().get("id").asString();
		this.cluster.startNode("neo");
		Reply second = this.api.signUp(node("neo"), "paxosexpert");
		assertThat(second.status()).isEqualTo(201);
		String neoCopy = second.json().get("id").asString();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> NODES.forEach((name) -> assertThat(recordsNamed(name, "paxosexpert")).hasSize(2)));

		Reply switched = await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> switchTo("trinity", "on"), (reply) -> reply.status() == 200);
		JsonNode result = switched.json();
		assertThat(result.get("mode").asString()).isEqualTo("ON");
		assertThat(result.get("nodes").get("morpheus").asString()).isEqualTo("switched");
		assertThat(result.get("conflicts").values().stream().map(JsonNode::asString))
			.anySatisfy((conflict) -> assertThat(conflict)
				.startsWith("paxosexpert: Neo's copy lost to the copy created on Morpheus")
				.contains(neoCopy));

		for (String name : NODES) {
			Reply agreed = this.api.readWhenConfirmed(node(name), "/api/accounts/paxosexpert");
			assertThat(agreed.status()).as("paxosexpert on %s: %s", name, agreed.response().body()).isEqualTo(200);
			assertThat(agreed.json().get("id").asString()).as("paxosexpert on %s", name).isEqualTo(morpheusCopy);
			assertThat(recordsNamed(name, "paxosexpert")).as("both copies kept on %s", name).hasSize(2);
		}
		assertThat(this.api.signUp(node("neo"), "PaxosExpert").status()).isEqualTo(409);
		// The losing copy is kept aside on every node, so the cluster view counts the
		// name as settled, no longer as split.
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			for (String name : NODES) {
				assertThat(recordsNamed(name, "paxosexpert")).as("copies on %s", name)
					.anySatisfy((copy) -> assertThat(copy.get("id").asString()).isEqualTo(neoCopy))
					.allSatisfy((copy) -> assertThat(copy.get("released").asBoolean())
						.isEqualTo(copy.get("id").asString().equals(neoCopy)));
			}
			JsonNode view = this.api.get(node("neo"), "/api/cluster").json();
			assertThat(view.get("conflictNames").values()).isEmpty();
			assertThat(view.get("reconciledNames").values().stream().map(JsonNode::asString))
				.containsExactly("paxosexpert");
		});

		// Every node restarted: each comes back in the mode it was switched to, not the
		// configured OFF.
		NODES.parallelStream().forEach(this.cluster::stopNode);
		NODES.parallelStream().forEach(this.cluster::startNode);
		for (String name : NODES) {
			assertThat(this.api.get(node(name), "/api/node").json().get("consensus").get("mode").asString())
				.as("mode on %s after a restart", name)
				.isEqualTo("ON");
		}
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.api.readWhenConfirmed(node("neo"), "/api/accounts/paxosexpert").status() == 200);

		Reply off = switchTo("morpheus", "off");
		assertThat(off.status()).isEqualTo(200);
		assertThat(this.api.get(node("neo"), "/api/node/accounts").json().get("consensus").get("mode").asString())
			.isEqualTo("OFF");
	}

	@Test
	void anUnknownModeIsRefusedWithAMessage() {
		Reply refused = switchTo("neo", "maybe");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).isEqualTo("The mode is \"on\" or \"off\".");
	}

	@Test
	void onlyTheOperatorCanSwitchAndNothingChangesForAnyoneElse() {
		Reply anonymous = this.api.send(HttpRequest.newBuilder(node("neo").resolve("/api/cluster/consensus"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"on\"}")));
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("detail").asString()).startsWith("Only the operator can switch consensus.");

		assertThat(this.api.signUp(node("neo"), "cypher").status()).isEqualTo(201);
		Reply someUser = this.api.send(HttpRequest.newBuilder(node("neo").resolve("/api/cluster/consensus"))
			.header("Authorization", ApiClient.basic("cypher", "correct-horse"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"on\"}")));
		assertThat(someUser.status()).isEqualTo(403);
		assertThat(someUser.json().get("detail").asString())
			.isEqualTo("Only the operator can switch consensus; cypher is not the operator.");
		for (String name : NODES) {
			assertThat(this.api.get(node(name), "/api/node").json().get("consensus").get("mode").asString())
				.as("mode on %s", name)
				.isEqualTo("OFF");
		}
	}

	private Reply switchTo(String via, String mode) {
		return this.api.switchConsensus(node(via), mode);
	}

	private List<JsonNode> recordsNamed(String node, String username) {
		return this.api.recordsNamed(node(node), username);
	}

	private URI node(String name) {
		return RunningCluster.url(this.cluster, name);
	}

}
