package dev.paxoshub.demo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Three real nodes and the front door with consensus OFF: replication reaches every node,
 * a node that was down misses writes and accepts a name that is already taken, and the
 * front door keeps serving while a node is gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SplitBrainClusterTests {

	private static final List<String> NODES = TestLayout.NODES;

	@TempDir
	static Path data;

	private DemoCluster cluster;

	private final ApiClient api = new ApiClient();

	@BeforeAll
	void startCluster() {
		this.cluster = RunningCluster.start(data, "--paxoshub.consensus=off", "--paxoshub.raft.enabled=false",
				"--paxoshub.replication.anti-entropy-interval=3s");
	}

	@AfterAll
	void stopCluster() {
		this.cluster.close();
	}

	@AfterEach
	void everyNodeBackUp() {
		NODES.forEach(this.cluster::startNode);
	}

	@Test
	void aSignUpOnMorpheusReachesNeoAndTrinity() {
		Reply created = this.api.signUp(node("morpheus"), "dozer");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.servedBy()).isEqualTo("morpheus");
		String id = created.json().get("id").asString();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (String other : List.of("neo", "trinity")) {
				Reply seen = this.api.get(node(other), "/api/accounts/dozer");
				assertThat(seen.status()).isEqualTo(200);
				assertThat(seen.servedBy()).isEqualTo(other);
				assertThat(seen.json().get("id").asString()).isEqualTo(id);
			}
		});
	}

	@Test
	void aNodeThatWasDownAcceptsATakenNameAndAfterCatchUpEveryNodeHoldsBothAccounts() {
		this.cluster.stopNode("neo");
		assertThat(this.api.signUp(node("morpheus"), "paxosexpert").status()).isEqualTo(201);

		this.cluster.startNode("neo");
		// Neo has not caught up yet: it has never heard of the account (the story's 404)
		// and takes the name again.
		assertThat(this.api.get(node("neo"), "/api/accounts/paxosexpert").status()).isEqualTo(404);
		Reply second = this.api.signUp(node("neo"), "paxosexpert");
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("originNode").asString()).isEqualTo("neo");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			for (String name : NODES) {
				List<JsonNode> copies = recordsNamed(name, "paxosexpert");
				assertThat(copies).as("paxosexpert records on %s", name).hasSize(2);
				assertThat(copies.stream().map((r) -> r.get("originNode").asString()))
					.containsExactlyInAnyOrder("morpheus", "neo");
				assertThat(new HashSet<>(copies.stream().map((r) -> r.get("id").asString()).toList())).hasSize(2);
			}
		});
		JsonNode clusterView = this.api.get(node("trinity"), "/api/cluster").json();
		assertThat(clusterView.get("conflictNames").values().stream().map(JsonNode::asString)).contains("paxosexpert");
	}

	@Test
	void theFrontDoorSendsEveryRequestToALiveNodeWhileOneIsDown() {
		this.cluster.stopNode("trinity");
		Set<String> servedBy = new HashSet<>();
		for (int i = 0; i < 12; i++) {
			Reply reply = this.api.get(RunningCluster.frontDoor(this.cluster), "/api/node/accounts");
			assertThat(reply.status()).isEqualTo(200);
			servedBy.add(reply.servedBy());
		}
		assertThat(servedBy).containsExactlyInAnyOrder("morpheus", "neo");

		this.cluster.startNode("trinity");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "trinity"
				.equals(this.api.get(RunningCluster.frontDoor(this.cluster), "/api/node/accounts").servedBy()));
	}

	@Test
	void aHeaderOrACookiePinsARequestToOneNode() {
		for (int i = 0; i < 4; i++) {
			assertThat(
					this.api.get(RunningCluster.frontDoor(this.cluster), "/api/node/accounts", "X-Paxoshub-Node", "neo")
						.servedBy())
				.isEqualTo("neo");
			assertThat(this.api.get(RunningCluster.frontDoor(this.cluster), "/", "Cookie", "paxoshub-node=trinity")
				.servedBy()).isEqualTo("trinity");
		}
	}

	@Test
	void aSignInCookieWorksOnEveryNodeThatKnowsTheAccountAndOnNoOther() {
		this.cluster.stopNode("trinity");
		assertThat(this.api.signUp(node("morpheus"), "switch").status()).isEqualTo(201);
		String signIn = signIn(node("morpheus"), "switch", "correct-horse");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.get(node("neo"), "/settings/profile", "Cookie", signIn).status())
				.isEqualTo(200));

		this.cluster.startNode("trinity");
		Reply onTrinity = this.api.get(node("trinity"), "/settings/profile", "Cookie", signIn);
		assertThat(onTrinity.status()).isEqualTo(302);
		assertThat(onTrinity.header("Location")).endsWith("/login");
		assertThat(this.api.get(node("trinity"), "/switch", "Accept", "text/html").status()).isEqualTo(404);
	}

	/**
	 * Signs in through the real form, CSRF token and all, and returns the sign-in cookie.
	 */
	private String signIn(URI node, String username, String password) {
		Reply loginPage = this.api.get(node, "/login");
		String csrfCookie = cookie(loginPage, "XSRF-TOKEN");
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.response().body());
		assertThat(token.find()).isTrue();
		Reply signedIn = this.api.send(HttpRequest.newBuilder(node.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie)
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + username + "&password=" + password + "&_csrf=" + token.group(1))));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/" + username);
		return cookie(signedIn, "paxoshub-signin");
	}

	private static String cookie(Reply reply, String name) {
		return reply.response()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(name + "="))
			.map((c) -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie"));
	}

	private List<JsonNode> recordsNamed(String node, String username) {
		return this.api.recordsNamed(node(node), username);
	}

	private URI node(String name) {
		return RunningCluster.url(this.cluster, name);
	}

}
