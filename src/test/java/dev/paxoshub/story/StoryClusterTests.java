package dev.paxoshub.story;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.paxoshub.demo.DemoCluster;
import dev.paxoshub.demo.RunningCluster;
import dev.paxoshub.demo.RunningHome;
import dev.paxoshub.story.Recording.AccountState;
import dev.paxoshub.story.Recording.ClusterState;
import dev.paxoshub.story.Recording.NodeState;
import dev.paxoshub.story.Recording.SideRecord;
import dev.paxoshub.story.Recording.StepRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The story, played for real on a cluster with consensus OFF and one with it ON, through
 * the home's API as {@code scripts/story.sh} plays it. Every beat of the article is
 * checked from what the sites answered and from what the nodes hold at the end, not only
 * from the scenario's own expectations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoryClusterTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path data;

	private final HttpClient http = HttpClient.newHttpClient();

	private DemoCluster off;

	private DemoCluster on;

	private RunningHome home;

	@BeforeAll
	void startBothClustersAndTheHome() {
		this.off = RunningCluster.startNamed("off", data.resolve("off"), "--paxoshub.consensus=off");
		this.on = RunningCluster.startNamed("on", data.resolve("on"), "--paxoshub.consensus=on",
				"--paxoshub.raft.start-timeout=30s");
		this.home = RunningHome.live(this.off, this.on);
	}

	@AfterAll
	void stopEverything() throws Exception {
		RunningCluster.closeAll(this.home, this.off, this.on);
	}

	@Test
	@Order(1)
	void withoutConsensusEveryBeatOfTheStoryHappensAndWithItNone() throws Exception {
		Recording played = play("the-story", false);

		assertThat(played.state()).isEqualTo("finished");
		assertThat(played.expectationsHeld()).as(RecordingText.of(played)).isTrue();

		// OFF: the article, beat by beat.
		Exchange firstSignUp = exchange(played, 3, "off");
		assertThat(firstSignUp.servedBy()).isEqualTo("morpheus");
		assertThat(firstSignUp.acknowledged()).isTrue();
		assertThat(exchange(played, 4, "off").summary()).isEqualTo("Incorrect username or password.");
		assertThat(exchange(played, 5, "off").status()).as("your own profile on Neo").isEqualTo(404);
		assertThat(exchange(played, 6, "off").summary()).contains("already taken");
		Exchange secondSignUp = exchange(played, 7, "off");
		assertThat(secondSignUp.servedBy()).isEqualTo("neo");
		assertThat(secondSignUp.written().get("account")).as("a second account")
			.isNotEqualTo(firstSignUp.written().get("account"));
		assertThat(exchange(played, 11, "off").status()).as("the new repository on Morpheus").isEqualTo(404);
		Exchange vanished = exchange(played, 12, "off");
		assertThat(vanished.status()).isEqualTo(200);
		assertThat(PageSummary.text(vanished.page())).contains("paxosexpert").doesNotContain("with care");
		assertThat(exchange(played, 17, "off").status()).as("Mom on the new Trinity").isEqualTo(404);
		assertThat(PageSummary.text(exchange(played, 19, "off").page())).as("Mom, later: your first profile")
			.contains("with care")
			.doesNotContain("Quickly rewritten");
		ClusterState offAtTheEnd = last(played, "off");
		assertThat(copies(offAtTheEnd, "paxosexpert")).as("two diverged accounts on every node")
			.allSatisfy((node, ids) -> assertThat(ids).hasSize(2));
		assertThat(played.verdicts().get("off").lines().get(0)).startsWith("2 accounts named paxosexpert");

		// ON: none of it. Morpheus refuses while cut off; one account, whole, everywhere.
		List<Exchange> onSignUps = List.of(exchange(played, 3, "on"), exchange(played, 6, "on"),
				exchange(played, 7, "on"));
		assertThat(onSignUps).filteredOn(Exchange::acknowledged).hasSize(1);
		assertThat(exchange(played, 3, "on").status()).isEqualTo(503);
		assertThat(exchange(played, 17, "on").status()).as("Mom never gets a 404").isNotEqualTo(404);
		assertThat(exchange(played, 19, "on").status()).as("Mom again: still no 404").isNotEqualTo(404);
		assertThat(PageSummary.text(exchange(played, 23, "on").page())).as("Mom at the end").contains("with care");
		ClusterState onAtTheEnd = last(played, "on");
		Map<String, Set<String>> onCopies = copies(onAtTheEnd, "paxosexpert");
		assertThat(onCopies).hasSize(3).allSatisfy((node, ids) -> assertThat(ids).hasSize(1));
		assertThat(onCopies.values().stream().flatMap(Set::stream).distinct()).hasSize(1);
		assertThat(onAtTheEnd.nodes()).allSatisfy((node) -> assertThat(node.accounts())
			.filteredOn((account) -> account.username().equals("paxosexpert") && !account.released())
			.singleElement()
			.extracting(AccountState::repoCount)
			.isEqualTo(1));
		assertThat(played.verdicts().get("on").lines())
			.contains("1 account named paxosexpert; every node agrees on it.")
			.anySatisfy((line) -> assertThat(line).contains("none lost"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "mom-behind-a-minority", "leader-cut-off", "flaky-morpheus" })
	@Order(2)
	void everyOtherScenarioPlaysToItsEndAsItSays(String scenario) throws Exception {
		Recording played = play(scenario, true);

		assertThat(played.state()).isEqualTo("finished");
		assertThat(played.expectationsHeld()).as(RecordingText.of(played)).isTrue();
		assertThat(played.verdicts().get("on").lines()).anySatisfy((line) -> assertThat(line).contains("none lost"));
	}

	private Recording play(String scenario, boolean reset) throws Exception {
		HttpResponse<String> started = this.http.send(HttpRequest
			.newBuilder(this.home.url().resolve("/api/story/plays?speed=fast&reset=" + reset + "&scenario=" + scenario))
			.header("Authorization", operator())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		URI location = this.home.url().resolve(started.headers().firstValue("Location").orElseThrow());
		return await().atMost(Duration.ofMinutes(4))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> JSON.readValue(get(location), Recording.class), Recording::finished);
	}

	private String get(URI uri) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static String operator() {
		String credentials = RunningCluster.OPERATOR + ":" + RunningCluster.OPERATOR_PASSWORD;
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private static Exchange exchange(Recording played, int step, String side) {
		SideRecord record = played.steps().get(step - 1).sides().get(side);
		assertThat(record.exchange()).as("step " + step + " on " + side).isNotNull();
		return record.exchange();
	}

	private static ClusterState last(Recording played, String side) {
		StepRecord step = played.steps().get(played.steps().size() - 1);
		return step.sides().get(side).cluster();
	}

	/**
	 * For each node, the ids of the accounts it holds under that name (kept-aside ones
	 * left out).
	 */
	private static Map<String, Set<String>> copies(ClusterState state, String username) {
		return state.nodes()
			.stream()
			.collect(Collectors.toMap(NodeState::name,
					(node) -> node.accounts()
						.stream()
						.filter((account) -> account.username().equals(username) && !account.released())
						.map(AccountState::id)
						.collect(Collectors.toSet())));
	}

}
