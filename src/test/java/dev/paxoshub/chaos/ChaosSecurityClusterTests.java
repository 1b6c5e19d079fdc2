package dev.paxoshub.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paxoshub.demo.ApiClient;
import dev.paxoshub.demo.ApiClient.Reply;
import dev.paxoshub.demo.DemoCluster;
import dev.paxoshub.demo.RunningCluster;
import dev.paxoshub.demo.RunningHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.paxoshub.chaos.ChaosDriver.NODES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Breaking nodes is for the operator alone, on every node's own chaos endpoints and on
 * the home's: anybody else is refused and nothing happens. Bad input is a 4xx problem
 * detail that says what is wrong, never a server error, and changes nothing either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChaosSecurityClusterTests {

	private static final String CLUSTER = "off";

	/** Every link fault a node's chaos endpoint takes, with a body it would accept. */
	private static final Map<String, String> NODE_ACTIONS = new LinkedHashMap<>();

	static {
		NODE_ACTIONS.put("partition", "{\"from\":[],\"direction\":\"both\"}");
		NODE_ACTIONS.put("slow", "{\"delayMs\":500}");
		NODE_ACTIONS.put("flaky", "{\"downMs\":[200,400],\"upMs\":[200,400]}");
		NODE_ACTIONS.put("steady", null);
		NODE_ACTIONS.put("heal", null);
	}

	private static final List<String> HOME_ACTIONS = List.of("kill", "revive", "partition", "slow", "flaky", "steady",
			"heal");

	private static final String USER = "mouse";

	private static final String USER_PASSWORD = "correct-horse";

	@TempDir
	static Path data;

	private DemoCluster cluster;

	private RunningHome home;

	private ChaosDriver chaos;

	private final ApiClient api = new ApiClient();

	@BeforeAll
	void startClusterAndHome() {
		// Wrong passwords are what these tests send; the throttle is tested elsewhere.
		this.cluster = RunningCluster.startNamed(CLUSTER, data, "--paxoshub.consensus=off",
				"--paxoshub.raft.enabled=false", "--paxoshub.sign-in.failures-per-account=1000",
				"--paxoshub.sign-in.failures-per-address=1000");
		this.home = RunningHome.watching(this.cluster);
		this.chaos = new ChaosDriver(this.cluster);
		assertThat(this.api.signUp(this.chaos.node("morpheus"), USER).status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> NODES
				.forEach((node) -> assertThat(this.api.recordsNamed(this.chaos.node(node), USER)).hasSize(1)));
	}

	@AfterAll
	void stop() {
		this.home.close();
		this.cluster.close();
	}

	@Test
	void aNodesChaosEndpointsRefuseEveryoneButTheOperatorAndDoNothing() {
		for (String node : NODES) {
			NODE_ACTIONS.forEach((action, body) -> {
				URI uri = this.chaos.node(node).resolve("/api/node/chaos/" + action);
				assertRefused(this.chaos.post(uri, body, null), 401,
						"Only the operator can break nodes on purpose. Sign in with HTTP Basic");
				assertRefused(this.chaos.post(uri, body, wrongOperatorPassword()), 401,
						"Only the operator can break nodes on purpose.");
				assertRefused(this.chaos.post(uri, body, ApiClient.basic(USER, USER_PASSWORD)), 403,
						"Only the operator can break nodes on purpose; mouse is not the operator.");
			});
		}
		assertNothingChanged();
	}

	@Test
	void theHomesChaosControlsRefuseEveryoneButTheOperatorAndDoNothing() {
		for (String action : HOME_ACTIONS) {
			URI uri = this.home.url().resolve("/api/clusters/" + CLUSTER + "/nodes/neo/" + action);
			String body = NODE_ACTIONS.get(action);
			assertRefused(this.chaos.post(uri, body, null), 401, "Only the operator can break nodes on purpose.");
			assertRefused(this.chaos.post(uri, body, wrongOperatorPassword()), 401,
					"Only the operator can break nodes on purpose.");
			// The home knows the operator only: a node's ordinary user is nobody here.
			assertRefused(this.chaos.post(uri, body, ApiClient.basic(USER, USER_PASSWORD)), 401,
					"Only the operator can break nodes on purpose.");
		}
		URI healAll = this.home.url().resolve("/api/clusters/" + CLUSTER + "/heal");
		assertRefused(this.chaos.post(healAll, null, null), 401, "Only the operator");
		assertRefused(this.chaos.post(healAll, null, wrongOperatorPassword()), 401, "Only the operator");
		for (URI wipe : List.of(this.home.url().resolve("/api/clusters/" + CLUSTER + "/reset"),
				home("trinity", "revive?disk=empty"))) {
			assertRefused(this.chaos.post(wipe, null, null), 401, "Only the operator can break nodes on purpose.");
			assertRefused(this.chaos.post(wipe, null, wrongOperatorPassword()), 401,
					"Only the operator can break nodes on purpose.");
			assertRefused(this.chaos.post(wipe, null, ApiClient.basic(USER, USER_PASSWORD)), 401,
					"Only the operator can break nodes on purpose.");
		}
		assertNothingChanged();
		// Nothing was wiped either.
		NODES.forEach((node) -> assertThat(this.api.recordsNamed(this.chaos.node(node), USER)).hasSize(1));
	}

	@Test
	void badInputToANodesChaosEndpointsIsAProblemThatSaysWhatIsWrong() {
		assertBadInput(node("partition"), "{\"from\":[\"smith\"]}", 400,
				"'smith' is not a peer of Morpheus; its peers are [neo, trinity].");
		assertBadInput(node("partition"), "{\"direction\":\"sideways\"}", 400,
				"The direction is \"both\", \"inbound\" or \"outbound\".");
		assertBadInput(node("slow"), "{\"delayMs\":-5}", 400, "delayMs cannot be negative.");
		assertBadInput(node("slow"), "{}", 400, "Say how slow: delayMs, in milliseconds.");
		assertBadInput(node("slow"), "{\"delayMs\":", 400, null);
		assertBadInput(node("slow"), "{\"delayMs\":\"soon\"}", 400, null);
		assertBadInput(node("flaky"), "{\"downMs\":[500,100]}", 400,
				"downMs is [min, max] in milliseconds, with 50 <= min <= max <= 60000.");
		assertBadInput(node("flaky"), "{\"upMs\":[100]}", 400,
				"upMs is [min, max] in milliseconds, with 50 <= min <= max <= 60000.");
		assertNothingChanged();
		// Last, so that a failure here hides nothing above: no such action on the node.
		assertBadInput(node("explode"), null, 404, null);
	}

	@Test
	void badInputToTheHomesChaosControlsIsAProblemThatSaysWhatIsWrong() {
		assertBadInput(this.home.url().resolve("/api/clusters/nowhere/nodes/neo/heal"), null, 404,
				"There is no cluster named 'nowhere'. There are: [off].");
		assertBadInput(home("smith", "partition"), null, 404, "Cluster off has no node named 'smith'.");
		assertBadInput(home("neo", "explode"), null, 404,
				"There is no chaos action 'explode'. There are: kill, revive, flaky, steady, partition, heal, slow.");
		assertBadInput(home("neo", "slow"), "{\"delayMs\":", 400, null);
		// What the node refused, in its own words.
		assertBadInput(home("neo", "slow"), "{\"delayMs\":-5}", 400, "delayMs cannot be negative.");
		assertBadInput(home("neo", "flaky"), "{\"downMs\":[500,100]}", 400,
				"downMs is [min, max] in milliseconds, with 50 <= min <= max <= 60000.");
		assertBadInput(home("neo", "partition"), "{\"from\":[\"smith\"]}", 400,
				"'smith' is not a peer of Neo; its peers are [morpheus, trinity].");
		assertBadInput(home("neo", "revive?disk=floppy"), null, 400,
				"There is no disk 'floppy'. Revive takes disk=empty (the node comes back as a new server with"
						+ " nothing stored), or no disk (it comes back with its data).");
		assertBadInput(home("neo", "kill?disk=empty"), null, 400, "Only revive takes a disk; kill takes none.");
		assertBadInput(this.home.url().resolve("/api/clusters/nowhere/reset"), null, 404,
				"There is no cluster named 'nowhere'. There are: [off].");
		assertNothingChanged();
		NODES.forEach((node) -> assertThat(this.api.recordsNamed(this.chaos.node(node), USER)).hasSize(1));
	}

	/** Every node runs and answers, with no fault on its links. */
	private void assertNothingChanged() {
		for (String node : NODES) {
			assertThat(this.cluster.isRunning(node)).as("%s running", node).isTrue();
			assertThat(ChaosDriver.portAccepts(this.chaos.node(node))).as("%s's port open", node).isTrue();
			JsonNode faults = this.chaos.faults(node);
			assertThat(faults.get("faults").values()).as("faults of %s", node).isEmpty();
			assertThat(faults.get("cutInbound").values()).isEmpty();
			assertThat(faults.get("cutOutbound").values()).isEmpty();
			assertThat(faults.get("delayMs").asLong()).isZero();
			assertThat(faults.get("flaky").asBoolean()).isFalse();
			assertThat(faults.get("away").asBoolean()).isFalse();
		}
	}

	private static void assertRefused(Reply reply, int status, String detail) {
		assertThat(reply.status()).as(reply.response().uri() + ": " + reply.response().body()).isEqualTo(status);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.json().get("detail").asString()).contains(detail);
	}

	/**
	 * A 4xx problem detail with a sentence; with {@code detail} null, any sentence that
	 * is not a stack trace.
	 */
	private void assertBadInput(URI uri, String body, int status, String detail) {
		Reply reply = this.chaos.post(uri, body,
				ApiClient.basic(RunningCluster.OPERATOR, RunningCluster.OPERATOR_PASSWORD));
		String seen = uri + " " + body + ": " + reply.response().body();
		assertThat(reply.status()).as(seen).isEqualTo(status);
		assertThat(reply.header("Content-Type")).as(seen).startsWith("application/problem+json");
		String sentence = reply.json().get("detail").asString();
		System.out.printf("%d %s %s -> %s%n", reply.status(), uri.getPath(), body, sentence);
		if (detail != null) {
			assertThat(sentence).as(seen).isEqualTo(detail);
		}
		else {
			assertThat(sentence).as(seen).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
		}
	}

	private URI node(String action) {
		return this.chaos.node("morpheus").resolve("/api/node/chaos/" + action);
	}

	private URI home(String node, String action) {
		return this.home.url().resolve("/api/clusters/" + CLUSTER + "/nodes/" + node + "/" + action);
	}

	private static String wrongOperatorPassword() {
		return ApiClient.basic(RunningCluster.OPERATOR, "not-the-operator-password");
	}

}
