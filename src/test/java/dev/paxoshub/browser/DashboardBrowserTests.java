package dev.paxoshub.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.paxoshub.demo.DemoCluster;
import dev.paxoshub.demo.RunningCluster;
import dev.paxoshub.demo.RunningHome;
import dev.paxoshub.support.TestLayout;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person watching one cluster's dashboard on the home: headless Chromium, a real home
 * and one real cluster with consensus ON for the whole class. The page must follow the
 * cluster by itself, show the chaos controls to the operator only, and let the operator
 * break a node and bring it back from the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** How long a revived node may take to start and join again. */
	private static final Duration REVIVAL = Duration.ofSeconds(60);

	/** The dashboard is meant to show a change within a second; this is the limit. */
	private static final Duration LIVE = Duration.ofSeconds(5);

	@TempDir
	static Path data;

	private DemoCluster cluster;

	private RunningHome home;

	private URI homeUrl;

	private Browser browser;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@RegisterExtension
	final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> this.browser);

	@BeforeAll
	void startHomeAndCluster() {
		Browser.requireChromium();
		this.cluster = RunningCluster.startNamed("on", data, "--paxoshub.consensus=on",
				"--paxoshub.raft.start-timeout=30s");
		this.home = RunningHome.live(this.cluster);
		this.homeUrl = this.home.url();
		awaitEveryNodeUpWithALeader();
	}

	@AfterAll
	void stopHomeAndCluster() {
		if (this.home != null) {
			this.home.close();
		}
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open(this.homeUrl);
	}

	@AfterEach
	void closeBrowserAndBringEveryNodeBack() {
		if (this.browser != null) {
			this.browser.close();
			this.browser = null;
		}
		TestLayout.NODES.forEach(this.cluster::startNode);
		awaitEveryNodeUpWithALeader();
	}

	@Test
	void theDashboardShowsAKilledNodeDownWithoutAReload() {
		List<Long> millis = new ArrayList<>();
		for (String node : List.of("trinity", "morpheus")) {
			this.browser.get("/clusters/on");
			awaitLive();
			watchFor(node, "down");
			long asked = System.currentTimeMillis();
			operatorPost("/api/clusters/on/nodes/" + node + "/kill");
			long answered = System.currentTimeMillis();
			this.browser.waitFor(LIVE)
				.withMessage(node + "'s card to turn down without a reload")
				.until((d) -> this.browser.script("return window.paxoshubSeenAt;") != null);
			long seen = ((Number) this.browser.script("return window.paxoshubSeenAt;")).longValue();
			assertThat(this.browser.script("return window.paxoshubPage;")).isEqualTo("the same page");
			System.out.printf(
					"Dashboard: %s killed through the API; card down %d ms after the call, "
							+ "%d ms after it returned (the call took %d ms)%n",
					node, seen - asked, seen - answered, answered - asked);
			millis.add(seen - asked);
			this.cluster.startNode(node);
			awaitEveryNodeUpWithALeader();
		}
		millis.sort(Long::compare);
		System.out.println(
				"Dashboard: kill to card down, median " + millis.get(millis.size() / 2) + " ms of " + millis + " ms");
	}

	@Test
	void aVisitorSeesNoChaosControls() {
		this.browser.get("/clusters/on");
		awaitLive();
		assertThat(this.browser.findAll(By.id("chaos"))).isEmpty();
		assertThat(this.browser.findAll(By.cssSelector("button[id^=chaos-]"))).isEmpty();
		assertThat(this.browser.findAll(By.cssSelector("form[action*='/clusters/on/']"))).isEmpty();
	}

	@Test
	void theOperatorKillsANodeFromThePageAndRevivesIt() {
		this.browser.signIn(RunningCluster.OPERATOR, RunningCluster.OPERATOR_PASSWORD);
		assertThat(this.browser.find(By.id("nav-operator")).getText()).contains(RunningCluster.OPERATOR);
		this.browser.get("/clusters/on");
		awaitLive();
		this.browser.script("window.paxoshubPage = 'the same page';");

		this.browser.visible(By.id("chaos-neo-kill")).click();
		this.browser.waitFor()
			.withMessage("the answer to killing Neo")
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chaos-result"), "Neo was killed"));
		this.browser.waitFor()
			.withMessage("Neo's card to turn down")
			.until(ExpectedConditions.attributeToBe(By.id("node-neo"), "data-condition", "down"));

		this.browser.visible(By.id("chaos-neo-revive")).click();
		this.browser.waitFor(REVIVAL)
			.withMessage("the answer to reviving Neo")
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chaos-result"), "Neo was revived"));
		this.browser.waitFor(REVIVAL)
			.withMessage("Neo's card to be up again")
			.until(ExpectedConditions.attributeToBe(By.id("node-neo"), "data-condition", "up"));
		// htmx did it all on the page it was given: no reload, no redirect.
		assertThat(this.browser.script("return window.paxoshubPage;")).isEqualTo("the same page");
	}

	/**
	 * Waits until the event stream has swapped the node cards once (it sends every
	 * section as soon as it connects), so what follows is the stream's doing.
	 */
	private void awaitLive() {
		WebElement firstCards = this.browser.find(By.cssSelector("#dash-nodes > .dash-nodes"));
		this.browser.waitFor()
			.withMessage("the event stream to swap in the node cards")
			.until(ExpectedConditions.stalenessOf(firstCards));
	}

	/**
	 * Notes, in the page, when the node's card first shows the condition; the page's own
	 * clock is this machine's, so the time compares with the test's.
	 */
	private void watchFor(String node, String condition) {
		this.browser.script("""
				window.paxoshubPage = 'the same page';
				window.paxoshubSeenAt = null;
				const nodes = document.getElementById('dash-nodes');
				const seen = () => {
				  const card = document.getElementById('node-' + arguments[0]);
				  if (window.paxoshubSeenAt === null && card && card.dataset.condition === arguments[1]) {
				    window.paxoshubSeenAt = Date.now();
				  }
				};
				new MutationObserver(seen).observe(nodes, { childList: true, subtree: true, attributes: true });
				""", node, condition);
	}

	private void awaitEveryNodeUpWithALeader() {
		String[] last = { "nothing yet" };
		try {
			await().atMost(REVIVAL).pollInterval(Duration.ofMillis(250)).until(() -> {
				last[0] = get("/api/clusters/on");
				int up = 0;
				boolean leader = false;
				for (JsonNode node : JSON.readTree(last[0]).path("nodes")) {
					// A node that has a Raft role has joined the group again.
					up += ("up".equals(node.path("condition").asString()) && node.hasNonNull("role")) ? 1 : 0;
					leader |= "leader".equals(node.path("role").asString()) && node.path("writable").asBoolean();
				}
				return up == TestLayout.NODES.size() && leader;
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The cluster never had every node up and a leader; the home said " + last[0], ex);
		}
	}

	private String get(String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(this.homeUrl.resolve(path)).GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private void operatorPost(String path) {
		String credentials = RunningCluster.OPERATOR + ":" + RunningCluster.OPERATOR_PASSWORD;
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.homeUrl.resolve(path))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
		catch (Exception ex) {
			throw new AssertionError("POST " + path + " failed", ex);
		}
	}

}
