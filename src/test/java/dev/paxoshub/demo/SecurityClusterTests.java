package dev.paxoshub.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.paxoshub.demo.ApiClient.Reply;
import dev.paxoshub.node.NodeSignature;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.node.TestSignatures;
import dev.paxoshub.support.TestLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The doors of a real cluster with consensus ON, tried from outside as an attacker would:
 * through the front door, straight at a node's port, and (for the replica pushes) with
 * the cluster key in hand, as a node or an insider would have it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityClusterTests {

	private static final List<String> NODES = TestLayout.NODES;

	/** Known to this test only, so that it can sign calls as a node does. */
	private static final String CLUSTER_KEY = "a-cluster-key-for-the-security-tests-0123";

	private static final String PASSWORD = "correct-horse";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path data;

	private DemoCluster cluster;

	private final ApiClient api = new ApiClient();

	private final NodeSignature insider = TestSignatures.of("morpheus", CLUSTER_KEY, Clock.systemUTC());

	@BeforeAll
	void startCluster() {
		this.cluster = RunningCluster.start(data, "--paxoshub.consensus=on", "--paxoshub.raft.start-timeout=30s",
				"--paxoshub.cluster.key=" + CLUSTER_KEY);
		awaitEveryNodeWritable();
	}

	@AfterAll
	void stopCluster() {
		this.cluster.close();
	}

	@Test
	void theFrontDoorNeverForwardsANodeToNodeCall() {
		for (String path : List.of("/internal/replicas", "/internal/replicas/anything", "/internal/node/accounts",
				"/internal/consensus/off")) {
			Reply answer = this.api.get(frontDoor(), path);
			assertThat(answer.status()).as(path).isEqualTo(404);
			assertThat(answer.servedBy()).as("no node saw %s", path).isNull();
		}
		Reply push = this.api.send(HttpRequest.newBuilder(frontDoor().resolve("/internal/replicas"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(push.status()).isEqualTo(404);
		assertThat(push.servedBy()).isNull();
	}

	@Test
	void aNodeTakesOnlyFreshSignedCallsAndEachOfThemOnce() {
		URI neo = node("neo");
		for (String path : List.of("/internal/replicas", "/internal/node/accounts")) {
			Reply unsigned = this.api.get(neo, path);
			assertThat(unsigned.status()).as(path).isEqualTo(403);
			assertThat(unsigned.json().get("detail").asString()).contains("The call carries no node signature.");
		}

		Reply oldSecret = this.api.get(neo, "/internal/replicas", "X-Paxoshub-Cluster-Secret",
				"paxoshub-demo-secret-change-me");
		assertThat(oldSecret.status()).isEqualTo(403);

		String signature = this.insider.sign("GET", "/internal/replicas", new byte[0]);
		assertThat(this.api.get(neo, "/internal/replicas", NodeSignature.HEADER, signature).status()).isEqualTo(200);
		Reply replayed = this.api.get(neo, "/internal/replicas", NodeSignature.HEADER, signature);
		assertThat(replayed.status()).isEqualTo(403);
		assertThat(replayed.json().get("detail").asString()).contains("a replayed call is refused");

		NodeSignature late = TestSignatures.of("morpheus", CLUSTER_KEY,
				Clock.fixed(Instant.now().minusSeconds(30), ZoneOffset.UTC));
		assertThat(this.api
			.get(neo, "/internal/replicas", NodeSignature.HEADER, late.sign("GET", "/internal/replicas", new byte[0]))
			.status()).isEqualTo(403);

		NodeSignature stranger = TestSignatures.of("morpheus", "a-key-that-is-not-this-cluster-key-012345",
				Clock.systemUTC());
		assertThat(this.api
			.get(neo, "/internal/replicas", NodeSignature.HEADER,
					stranger.sign("GET", "/internal/replicas", new byte[0]))
			.status()).isEqualTo(403);
	}

	@Test
	void aSignedCallToAnUnknownModeIsABadRequest() {
		Reply sideways = signed(node("trinity"), "POST", "/internal/consensus/sideways", "");
		assertThat(sideways.status()).isEqualTo(400);
		assertThat(sideways.json().get("detail").asString()).isEqualTo("The mode is \"on\" or \"off\".");
	}

	@Test
	void withConsensusOnNoNodeTakesAReplicaPushNotEvenASignedOneAndReconcilingPromotesNothing() {
		assertThat(this.api.signUp(node("morpheus"), "victim").status()).isEqualTo(201);
		String id = this.api.readWhenConfirmed(node("neo"), "/api/accounts/victim").json().get("id").asString();
		ObjectNode forged = (ObjectNode) JSON
			.readTree(signed(node("neo"), "GET", "/internal/replicas/" + id, "").response().body());
		forged.put("passwordHash", new BCryptPasswordEncoder(4).encode("attackers-password"));
		forged.put("revision", forged.get("revision").asLong() + 5);

		Reply pushed = signed(node("neo"), "POST", "/internal/replicas", forged.toString());
		assertThat(pushed.status()).isEqualTo(409);
		assertThat(pushed.json().get("detail").asString())
			.isEqualTo("Consensus is ON on Neo: accounts change only through Raft, so a replica push is refused and "
					+ "nothing was stored.");

		assertThat(this.api.switchConsensus(node("trinity"), "off").status()).isEqualTo(200);
		assertThat(this.api.switchConsensus(node("trinity"), "on").status()).isEqualTo(200);
		for (String name : NODES) {
			Reply attacker = editProfile(node(name), "victim", "attackers-password");
			assertThat(attacker.status()).as("the attacker's password on %s", name).isEqualTo(401);
		}
		assertThat(editProfile(node("neo"), "victim", PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void signingOutVoidsEveryCopyOfTheCookieOnEveryNode() {
		PageClient person = new PageClient();
		Reply joined = person.submit(frontDoor().resolve("/join"), "/join",
				Map.of("username", "seraph", "email", "seraph@example.org", "password", PASSWORD));
		assertThat(joined.status()).isEqualTo(302);
		String cookie = person.cookie("paxoshub-signin");
		assertThat(cookie).isNotNull();
		NODES
			.forEach((name) -> assertThat(settingsWith(node(name), cookie)).as("signed in on %s", name).isEqualTo(200));

		Reply signedOut = person.submit(frontDoor().resolve("/seraph"), "/logout", Map.of());
		assertThat(signedOut.status()).isEqualTo(302);
		assertThat(signedOut.header("Location")).isEqualTo("/login?logout");
		for (String name : NODES) {
			assertThat(settingsWith(node(name), cookie)).as("the old cookie on %s", name).isEqualTo(302);
		}
	}

	@Test
	void aNewPasswordVoidsEveryCookieMadeBeforeIt() {
		PageClient person = new PageClient();
		person.submit(frontDoor().resolve("/join"), "/join",
				Map.of("username", "niobe", "email", "niobe@example.org", "password", PASSWORD));
		String cookie = person.cookie("paxoshub-signin");
		assertThat(settingsWith(node("trinity"), cookie)).isEqualTo(200);

		Reply changed = this.api.send(HttpRequest.newBuilder(node("morpheus").resolve("/api/accounts/niobe/password"))
			.header("Authorization", ApiClient.basic("niobe", PASSWORD))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofString("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a-brand-new-password\"}")));
		assertThat(changed.status()).isEqualTo(204);
		for (String name : NODES) {
			assertThat(settingsWith(node(name), cookie)).as("the old cookie on %s", name).isEqualTo(302);
			assertThat(editProfile(node(name), "niobe", PASSWORD).status()).as("old password on %s", name)
				.isEqualTo(401);
		}
		assertThat(editProfile(node("neo"), "niobe", "a-brand-new-password").status()).isEqualTo(200);
	}

	@Test
	void aThrottledSignInThroughTheFrontDoorGetsTheFormBackWithA429() {
		assertThat(this.api.signUp(node("neo"), "ghost").status()).isEqualTo(201);
		// Each node counts the failures it sees, so the guesser keeps to one.
		PageClient guesser = new PageClient().pin("neo");
		for (int i = 0; i < 5; i++) {
			Reply wrong = guesser.submit(frontDoor().resolve("/login"), "/login",
					Map.of("username", "ghost", "password", "guess-" + i));
			assertThat(wrong.status()).isEqualTo(302);
			assertThat(wrong.header("Location")).isEqualTo("/login?error");
			assertThat(wrong.servedBy()).isEqualTo("neo");
		}
		Reply throttled = guesser.submit(frontDoor().resolve("/login"), "/login",
				Map.of("username", "ghost", "password", PASSWORD));
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.servedBy()).isEqualTo("neo");
		assertThat(throttled.header("Retry-After")).matches("[1-9][0-9]?");
		assertThat(throttled.response().body()).contains("id=\"login-form\"").contains("Too many failed sign-ins.");
		assertThat(guesser.cookie("paxoshub-signin")).isNull();
	}

	@Test
	void redirectsStayOnTheSiteWhateverHostTheClientNames() {
		for (URI base : List.of(frontDoor(), node("neo"))) {
			Reply redirect = new PageClient().get(base.resolve("/settings/profile"));
			assertThat(redirect.status()).isEqualTo(302);
			assertThat(redirect.header("Location")).as("through %s", base).isEqualTo("/login");
		}
		Reply spoofed = this.api.send(HttpRequest.newBuilder(node("neo").resolve("/settings/profile"))
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Forwarded-Proto", "https")
			.GET());
		assertThat(spoofed.header("Location")).isEqualTo("/login");
	}

	@Test
	void nodesAndTheirRaftMembersListenOnLoopbackOnly() throws IOException {
		List<String> sockets = new ArrayList<>();
		for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6", "/proc/net/udp", "/proc/net/udp6")) {
			Path table = Path.of(file);
			if (Files.isReadable(table)) {
				sockets.addAll(Files.readAllLines(table, StandardCharsets.US_ASCII));
			}
		}
		List<Integer> ports = new ArrayList<>(List.of(this.cluster.frontDoorPort()));
		for (NodeAddress node : this.cluster.layout()) {
			ports.add(node.port());
			ports.add(node.raftPort());
		}
		for (int port : ports) {
			String hexPort = ":%04X ".formatted(port);
			List<String> bound = sockets.stream()
				.map(String::trim)
				.filter((line) -> line.split("\\s+").length > 3 && (line.split("\\s+")[1] + " ").endsWith(hexPort))
				.map((line) -> line.split("\\s+")[1])
				.toList();
			assertThat(bound).as("sockets bound to port %d", port).isNotEmpty();
			assertThat(bound).as("port %d", port).allMatch(SecurityClusterTests::loopback);
		}
	}

	/**
	 * 127.0.0.1, as IPv4, as IPv4 mapped into IPv6, or ::1, in /proc/net's hexadecimal.
	 */
	private static boolean loopback(String localAddress) {
		String address = localAddress.substring(0, localAddress.indexOf(':'));
		return address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F")
				|| address.equals("00000000000000000000000001000000");
	}

	private int settingsWith(URI node, String cookie) {
		return this.api
			.send(HttpRequest.newBuilder(node.resolve("/settings/profile"))
				.header("Cookie", "paxoshub-signin=" + cookie)
				.GET())
			.status();
	}

	private Reply editProfile(URI node, String username, String password) {
		return this.api.send(HttpRequest.newBuilder(node.resolve("/api/accounts/" + username + "/profile"))
			.header("Authorization", ApiClient.basic(username, password))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Someone\",\"bio\":\"\"}")));
	}

	private Reply signed(URI node, String method, String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path))
			.header(NodeSignature.HEADER, this.insider.sign(method, path, bytes))
			.header("Content-Type", "application/json")
			.method(method, bytes.length == 0 && method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(bytes));
		return this.api.send(request);
	}

	private void awaitEveryNodeWritable() {
		await("every node to be writable").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.untilAsserted(() -> {
				for (String name : NODES) {
					JsonNode status = this.api.get(node(name), "/api/node").json();
					assertThat(status.get("consensus").get("writable").asBoolean()).as("%s writable", name).isTrue();
				}
			});
	}

	private URI frontDoor() {
		return RunningCluster.frontDoor(this.cluster);
	}

	private URI node(String name) {
		return RunningCluster.url(this.cluster, name);
	}

}
