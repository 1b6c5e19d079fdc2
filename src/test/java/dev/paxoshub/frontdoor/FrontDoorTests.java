package dev.paxoshub.frontdoor;

import java.net.URLDecoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.paxoshub.frontdoor.FakeNode.Received;
import dev.paxoshub.frontdoor.FrontDoorProperties.Policy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front door in front of three real HTTP servers that play Morpheus, Neo and Trinity.
 * One front door serves all the tests; a test that stops nodes has them back and healthy
 * before the next one starts.
 */
class FrontDoorTests {

	private static final FakeNode morpheus = new FakeNode("morpheus");

	private static final FakeNode neo = new FakeNode("neo");

	private static final FakeNode trinity = new FakeNode("trinity");

	private static final List<FakeNode> nodes = List.of(morpheus, neo, trinity);

	private static RunningFrontDoor frontDoor;

	@BeforeAll
	static void startNodesAndFrontDoor() {
		nodes.forEach(FakeNode::start);
		// A short interval, so that the tests that wait for a health check wait little.
		frontDoor = RunningFrontDoor.inFrontOf(nodes, Policy.ROUND_ROBIN, Duration.ofMillis(250));
	}

	@AfterEach
	void bringEveryNodeBack() {
		nodes.stream().filter((node) -> !node.isRunning()).forEach(FakeNode::start);
		frontDoor.awaitHealthyNodes(nodes);
		nodes.forEach((node) -> node.received().clear());
	}

	@AfterAll
	static void stopAll() {
		frontDoor.close();
		nodes.forEach(FakeNode::stop);
	}

	@Test
	void roundRobinSendsRequestsToEveryNodeInTurn() {
		List<String> servedBy = servedBy(6, "/");

		assertThat(countOf(servedBy)).containsOnly(Map.entry("morpheus", 2L), Map.entry("neo", 2L),
				Map.entry("trinity", 2L));
	}

	@Test
	void nodeToNodePathsAreAnsweredHereAndNeverForwarded() {
		for (String path : List.of("/internal/replicas", "/internal/replicas/42", "/internal/consensus/off")) {
			HttpResponse<String> response = frontDoor.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("X-Paxoshub-Served-By")).as(path).isEmpty();
		}
		assertThat(nodes).allSatisfy((node) -> assertThat(node.received()).isEmpty());
	}

	@Test
	void aMethodTheFrontDoorRefusesIsA405AndNoNodeSeesIt() {
		HttpResponse<String> trace = frontDoor.send(frontDoor.request("/").method("TRACE", BodyPublishers.noBody()));
		assertThat(trace.statusCode()).isEqualTo(405);
		assertThat(nodes).allSatisfy((node) -> assertThat(node.received()).isEmpty());
	}

	@Test
	void everyForwardedRequestCarriesTheFrontDoorsSignatureOfItsForwardingHeaders() {
		frontDoor.get("/", "X-Forwarded-For", "203.0.113.9");
		Received received = nodes.stream().flatMap((node) -> node.received().stream()).findFirst().orElseThrow();
		assertThat(received.headers().getFirst("X-Paxoshub-Front-Door")).isNotBlank();
		assertThat(received.headers().getFirst("X-Forwarded-For")).isNotEqualTo("203.0.113.9");
	}

	@Test
	void answersPassThroughWithTheNodesHeaders() {
		HttpResponse<String> response = frontDoor.get("/alice/hello-world?tab=readme");

		String node = response.headers().firstValue("X-Paxoshub-Served-By").orElseThrow();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(node);
		assertThat(nodeNamed(node).received()).extracting(Received::uri)
			.containsExactly("/alice/hello-world?tab=readme");
	}

	@Test
	void actuatorPathsReachTheNodesToo() {
		HttpResponse<String> response = frontDoor.get("/actuator/health");

		assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(response.headers().firstValue("X-Paxoshub-Served-By")).isPresent();
	}

	@Test
	void headerPinsTheNode() {
		assertThat(servedBy(4, "/", "X-Paxoshub-Node", "neo")).containsOnly("neo");
	}

	@Test
	void cookiePinsTheNode() {
		assertThat(servedBy(4, "/", "Cookie", "theme=dark; paxoshub-node=trinity")).containsOnly("trinity");
	}

	@Test
	void headerWinsOverCookie() {
		assertThat(servedBy(4, "/", "X-Paxoshub-Node", "morpheus", "Cookie", "paxoshub-node=trinity"))
			.containsOnly("morpheus");
	}

	@Test
	void autoLeavesTheChoiceToRoundRobin() {
		assertThat(servedBy(3, "/", "Cookie", "paxoshub-node=auto")).containsExactlyInAnyOrder("morpheus", "neo",
				"trinity");
	}

	@Test
	void pinnedNodeThatIsDownGivesWayToALiveOne() {
		neo.stop();

		assertThat(servedBy(4, "/", "X-Paxoshub-Node", "neo")).doesNotContain("neo");
		frontDoor.awaitHealthyNodes(List.of(morpheus, trinity));
		assertThat(servedBy(4, "/", "X-Paxoshub-Node", "neo")).doesNotContain("neo");
	}

	@Test
	void stoppedNodeIsSkippedBeforeAndAfterTheHealthCheckNotices() {
		morpheus.stop();

		// Until the next health check (FrontDoorRandomPolicyTests never lets it come), a
		// third of
		// the requests still go to Morpheus, find its port closed, and are sent to
		// another node.
		assertThat(servedBy(9, "/")).containsOnly("neo", "trinity");
		assertThat(postedBodies(4)).containsExactlyInAnyOrder("entry 0", "entry 1", "entry 2", "entry 3");

		frontDoor.awaitHealthyNodes(List.of(neo, trinity));
		assertThat(servedBy(6, "/")).containsOnly("neo", "trinity");
	}

	@Test
	void noNodeUpIsAShortPageForPeople() {
		nodes.forEach(FakeNode::stop);

		HttpResponse<String> beforeHealthCheck = frontDoor.get("/", "Accept", "text/html");
		frontDoor.awaitHealthyNodes(List.of());
		HttpResponse<String> afterHealthCheck = frontDoor.get("/", "Accept", "text/html");

		for (HttpResponse<String> response : List.of(beforeHealthCheck, afterHealthCheck)) {
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(response.body()).contains(FrontDoorAnswers.NO_NODE_UP).doesNotContain("Exception");
		}
	}

	@Test
	void noNodeUpIsAProblemForApiClients() {
		nodes.forEach(FakeNode::stop);

		HttpResponse<String> response = frontDoor.get("/api/repos", "Accept", "application/json");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":503", "\"detail\":\"" + FrontDoorAnswers.NO_NODE_UP + "\"")
			.doesNotContain("Exception");
	}

	@Test
	void requestANodeReceivedIsNeverSentAgain() {
		HttpResponse<String> response = frontDoor.send(frontDoor.request("/hang-up")
			.header("Accept", "application/json")
			.POST(BodyPublishers.ofString("star alice/hello-world")));

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.body()).contains(FrontDoorAnswers.NODE_FAILED);
		assertThat(nodes.stream().mapToInt((node) -> node.received().size()).sum()).isOne();
	}

	@Test
	void postedFormArrivesIntact() {
		String form = "name=hello-world&description=caf%C3%A9+%26+more";

		HttpResponse<String> response = frontDoor.send(frontDoor.request("/repos/new?draft=false")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form)));

		Received received = nodeNamed(response.body()).received().get(0);
		assertThat(received.method()).isEqualTo("POST");
		assertThat(received.uri()).isEqualTo("/repos/new?draft=false");
		// The gateway rebuilds form bodies from the parsed parameters: same fields, not
		// same bytes.
		assertThat(formFields(received.body())).containsExactly("name=hello-world", "description=café & more");
	}

	@Test
	void multipartUploadArrivesIntact() {
		byte[] avatar = new byte[3 * 1024 * 1024];
		new Random(42).nextBytes(avatar);
		String boundary = "paxoshub-boundary-7MA4YWxkTrZu0gW";
		byte[] body = multipart(boundary, avatar);

		HttpResponse<String> response = frontDoor.send(frontDoor.request("/settings/avatar?size=large")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.PUT(BodyPublishers.ofByteArray(body)));

		Received received = nodeNamed(response.body()).received().get(0);
		assertThat(received.method()).isEqualTo("PUT");
		assertThat(received.uri()).isEqualTo("/settings/avatar?size=large");
		MediaType contentType = MediaType.parseMediaType(received.headers().getFirst("Content-Type"));
		assertThat(contentType.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)).isTrue();
		assertThat(contentType.getParameter("boundary")).isEqualTo(boundary);
		assertThat(received.body()).isEqualTo(body);
	}

	@Test
	void redirectAndCookiesPassThrough() {
		HttpResponse<String> response = frontDoor.get("/sign-in", "Cookie", "paxoshub-node=neo; theme=dark");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue("/dashboard");
		assertThat(response.headers().firstValue("Set-Cookie")).hasValue("session=neo; Path=/; HttpOnly");
		assertThat(neo.received().get(0).headers().getFirst("Cookie")).isEqualTo("paxoshub-node=neo; theme=dark");
	}

	@Test
	void nodesLearnWhereTheUserCameFromAndNotWhatTheClientClaims() {
		HttpResponse<String> response = frontDoor.get("/", "X-Forwarded-Host", "evil.example", "X-Forwarded-For",
				"203.0.113.66", "X-Forwarded-Prefix", "/evil", "Forwarded", "host=evil.example");

		Received received = nodeNamed(response.body()).received().get(0);
		String frontDoorAddress = frontDoor.request("/").build().uri().getAuthority();
		assertThat(received.headers().getFirst("X-Forwarded-Host")).isEqualTo(frontDoorAddress);
		assertThat(received.headers().getFirst("X-Forwarded-Port"))
			.isEqualTo(frontDoorAddress.substring(frontDoorAddress.indexOf(':') + 1));
		assertThat(received.headers().getFirst("X-Forwarded-Proto")).isEqualTo("http");
		assertThat(received.headers().getFirst("X-Forwarded-For")).isEqualTo("127.0.0.1");
		assertThat(received.headers().containsKey("X-Forwarded-Prefix")).isFalse();
		assertThat(received.headers().containsKey("Forwarded")).isFalse();
	}

	private static List<String> servedBy(int requests, String path, String... headers) {
		return IntStream.range(0, requests).mapToObj((i) -> {
			HttpResponse<String> response = frontDoor.get(path, headers);
			assertThat(response.statusCode()).isEqualTo(200);
			return response.headers().firstValue("X-Paxoshub-Served-By").orElseThrow();
		}).toList();
	}

	/** What the nodes received of a few POSTs, each with its own body. */
	private static List<String> postedBodies(int requests) {
		IntStream.range(0, requests).forEach((i) -> {
			HttpResponse<String> response = frontDoor
				.send(frontDoor.request("/entries").POST(BodyPublishers.ofString("entry " + i)));
			assertThat(response.statusCode()).isEqualTo(200);
		});
		return nodes.stream()
			.flatMap((node) -> node.received().stream())
			.filter((received) -> received.uri().equals("/entries"))
			.map((received) -> new String(received.body(), StandardCharsets.UTF_8))
			.toList();
	}

	private static List<String> formFields(byte[] body) {
		return Arrays.stream(new String(body, StandardCharsets.UTF_8).split("&"))
			.filter((field) -> !field.isEmpty())
			.map((field) -> URLDecoder.decode(field, StandardCharsets.UTF_8))
			.toList();
	}

	private static Map<String, Long> countOf(List<String> names) {
		return names.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	private static FakeNode nodeNamed(String name) {
		return nodes.stream().filter((node) -> node.name().equals(name)).findFirst().orElseThrow();
	}

	private static byte[] multipart(String boundary, byte[] file) {
		byte[] head = ("--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"note\"\r\n\r\n"
				+ "new avatar\r\n" + "--" + boundary + "\r\n"
				+ "Content-Disposition: form-data; name=\"avatar\"; filename=\"avatar.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + file.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file, 0, body, head.length, file.length);
		System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
		return body;
	}

}
