package dev.paxoshub.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.paxoshub.demo.DemoCluster;
import dev.paxoshub.demo.RunningCluster;
import dev.paxoshub.support.TestLayout;
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
 * A person's view of paxoshub with consensus ON: headless Chromium browsing the front
 * door of three real nodes that form a Raft group. The browser is not pinned unless a
 * test says so, so the front door's round robin spreads one person's pages over every
 * node; with consensus ON that must make no difference to what they see, and a node cut
 * off from the majority must say so instead of answering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsensusBrowserTests {

	private static final List<String> NODES = TestLayout.NODES;

	private static final String PASSWORD = "correct-horse-battery";

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Static: under PER_CLASS an instance {@code @TempDir} is still null in
	 * {@code @BeforeAll}.
	 */
	@TempDir
	static Path data;

	private DemoCluster cluster;

	private URI frontDoor;

	private Browser browser;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@RegisterExtension
	final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> this.browser);

	@BeforeAll
	void startCluster() {
		// Before spending seconds on the cluster: no Chromium is a failure with a clear
		// message.
		Browser.requireChromium();
		this.cluster = RunningCluster.start(data, "--paxoshub.consensus=on", "--paxoshub.raft.start-timeout=30s");
		awaitEveryNodeWritable();
		this.frontDoor = RunningCluster.frontDoor(this.cluster);
	}

	@AfterAll
	void stopCluster() {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open(this.frontDoor);
	}

	@AfterEach
	void closeBrowserAndBringEveryNodeBack() {
		if (this.browser != null) {
			this.browser.close();
			this.browser = null;
		}
		if (this.cluster == null) {
			return;
		}
		// A test that stopped nodes and failed half-way must not leave the next one a
		// minority.
		NODES.forEach(this.cluster::startNode);
		awaitEveryNodeWritable();
	}

	@Test
	void theFoundationFlowThroughEveryNodeNeverShowsADuplicate() {
		String username = unique("seraph");
		Set<String> servedBy = new LinkedHashSet<>();
		List<String> trail = new ArrayList<>();

		this.browser.get("/");
		assertThat(this.browser.find(By.id("consensus-mode")).getText()).isEqualTo("Consensus ON");
		assertThat(this.browser.find(By.id("pinned-node")).getDomAttribute("data-pin")).isEqualTo("auto");

		// Signing up lands on the new profile, wherever the redirect was served.
		this.browser.signUp(username, PASSWORD);
		record(servedBy, trail, "profile after sign-up");
		assertThat(this.browser.path()).isEqualTo("/" + username);
		assertThat(this.browser.signedInUser()).isEqualTo(username);

		// Editing the profile: the form and the page after it may each come from another
		// node.
		this.browser.get("/settings/profile");
		WebElement form = this.browser.visible(By.id("profile-form"));
		record(servedBy, trail, "profile form");
		this.browser.type(form, "displayName", "Seraph the Guardian");
		this.browser.type(form, "bio", "Protects that which matters most.");
		this.browser.submit(form);
		this.browser.waitFor()
			.withMessage("the edited display name after saving the profile")
			.until(ExpectedConditions.textToBe(By.id("profile-name"), "Seraph the Guardian"));
		record(servedBy, trail, "profile after editing");
		assertThat(this.browser.path()).isEqualTo("/" + username);
		assertThat(this.browser.find(By.id("profile-username")).getText()).isEqualTo(username);
		assertThat(this.browser.find(By.id("profile-bio")).getText()).isEqualTo("Protects that which matters most.");

		// A repository with a README.
		this.browser.get("/new");
		form = this.browser.visible(By.id("repo-form"));
		record(servedBy, trail, "new repository form");
		this.browser.type(form, "name", "oracle-door");
		this.browser.type(form, "description", "The way to the Oracle.");
		this.browser.type(form, "readme",
				String.join("\n", "# Oracle Door", "", "You have to **fight me** first.", "", "- knock", "- wait", ""));
		this.browser.submit(form);
		this.browser.waitFor()
			.withMessage("the new repository's page")
			.until(ExpectedConditions.textToBe(By.id("repo-name"), "oracle-door"));
		record(servedBy, trail, "repository page");
		assertThat(this.browser.path()).isEqualTo("/" + username + "/oracle-door");
		WebElement readme = this.browser.find(By.id("readme"));
		assertThat(readme.findElement(By.tagName("h1")).getText()).isEqualTo("Oracle Door");
		assertThat(readme.findElement(By.tagName("strong")).getText()).isEqualTo("fight me");
		assertThat(readme.findElements(By.tagName("li"))).extracting(WebElement::getText)
			.containsExactly("knock", "wait");
		assertThat(this.browser.find(By.id("repo-description")).getText()).isEqualTo("The way to the Oracle.");

		// The profile, as every node shows it: all of the above, whoever serves it.
		Set<String> profileSeenOn = new LinkedHashSet<>();
		for (int visit = 0; visit < 12 && profileSeenOn.size() < NODES.size(); visit++) {
			this.browser.get("/" + username);
			this.browser.waitFor()
				.withMessage("the profile of " + username + " on visit " + (visit + 1))
				.until(ExpectedConditions.textToBe(By.id("profile-name"), "Seraph the Guardian"));
			String node = record(servedBy, trail, "profile visit " + (visit + 1));
			assertThat(this.browser.find(By.id("profile-bio")).getText()).as("bio served by " + node)
				.isEqualTo("Protects that which matters most.");
			assertThat(this.browser.find(By.id("profile-username")).getText()).as("username served by " + node)
				.isEqualTo(username);
			WebElement repos = this.browser.visible(By.id("repo-list"));
			assertThat(URI.create(repos.findElement(By.linkText("oracle-door")).getDomProperty("href")).getPath())
				.as("repository link served by " + node)
				.isEqualTo("/" + username + "/oracle-door");
			assertThat(repos.getText()).as("repository list served by " + node).contains("The way to the Oracle.");
			assertThat(this.browser.signedInUser()).as("signed-in user on " + node).isEqualTo(username);
			if (!profileSeenOn.add(node)) {
				// A page and its assets can add up to a multiple of three requests; one
				// more
				// request moves the round robin on, so the next page comes from another
				// node.
				this.browser.get("/assets/img/favicon.svg");
			}
		}
		assertThat(servedBy).as("nodes that served the flow, in order: %s", trail).hasSizeGreaterThan(1);

		// The same name again, shouted, from someone else: the form says it is taken.
		this.browser.close();
		this.browser = Browser.open(this.frontDoor);
		String shouted = username.toUpperCase(Locale.ROOT);
		this.browser.get("/join");
		form = this.browser.visible(By.id("signup-form"));
		this.browser.type(form, "username", shouted);
		this.browser.type(form, "email", "impostor@example.org");
		this.browser.type(form, "password", PASSWORD);
		this.browser.submit(form);
		WebElement error = this.browser.visible(By.id("username-error"));
		assertThat(error.getText()).as("served by " + this.browser.servedBy())
			.isEqualToIgnoringCase("Username " + username + " is already taken.");
		assertThat(this.browser.path()).isEqualTo("/join");
		assertThat(this.browser.signedInUser()).isNull();

		// The cluster page: no split, and exactly one account of that name on every node.
		this.browser.get("/cluster");
		this.browser.waitFor().withMessage("every node's table to list " + username).until((d) -> {
			if (NODES.stream().allMatch((node) -> !rowsNamed(node, username).isEmpty())) {
				return true;
			}
			this.browser.get("/cluster");
			return false;
		});
		assertThat(this.browser.find(By.id("cluster-summary")).getDomAttribute("data-conflicts")).isEqualTo("0");
		for (String node : NODES) {
			assertThat(this.browser.find(By.id("node-status-" + node)).getDomAttribute("data-up")).as(node + " is up")
				.isEqualTo("true");
			List<WebElement> rows = rowsNamed(node, username);
			assertThat(rows).as("rows for %s on %s", username, node).hasSize(1);
			assertThat(rows.get(0).getDomAttribute("data-conflict")).isEqualTo("false");
		}
	}

	@Test
	void aNodeWithoutAMajorityShowsTheRefusalPageAndTheClusterLaterAgrees() {
		String username = unique("cypher");
		this.cluster.stopNode("neo");
		this.cluster.stopNode("trinity");
		this.browser.pin("morpheus");

		this.browser.get("/join");
		WebElement form = this.browser.visible(By.id("signup-form"));
		this.browser.type(form, "username", username);
		this.browser.type(form, "email", username + "@example.org");
		this.browser.type(form, "password", PASSWORD);
		// Not Browser.submit: that one fails on any error page, and this one is expected.
		WebElement html = this.browser.driver().findElement(By.tagName("html"));
		form.findElement(By.cssSelector("button[type=submit]")).click();
		this.browser.waitFor().withMessage("the answer to the sign-up").until(ExpectedConditions.stalenessOf(html));
		this.browser.waitFor()
			.withMessage("the answer to the sign-up to load")
			.until((d) -> "complete".equals(this.browser.script("return document.readyState;")));

		WebElement refusal = this.browser.find(By.cssSelector("main.error-page.error-503"));
		assertThat(refusal.findElement(By.cssSelector(".error-code")).getText()).isEqualTo("503");
		assertThat(refusal.findElement(By.tagName("h1")).getText()).isEqualTo("The cluster could not agree just now");
		assertThat(this.browser.driver().getTitle()).startsWith("No majority right now");
		assertThat(this.browser.find(By.id("error-message")).getText()).startsWith("Morpheus ")
			.containsAnyOf("cannot reach a majority", "could not confirm");
		assertThat(this.browser.servedBy()).isEqualTo("morpheus");
		assertThat(this.browser.find(By.id("served-by")).getText()).isEqualTo("Served by Morpheus");
		assertThat(this.browser.find(By.id("consensus-mode")).getText()).isEqualTo("Consensus ON");
		assertThat(this.browser.signedInUser()).isNull();
		assertThat(this.browser.driver().getPageSource()).doesNotContain("Exception", "at org.", "at java.",
				"Whitelabel");

		this.cluster.startNode("neo");
		this.cluster.startNode("trinity");
		awaitEveryNodeWritable();
		await("every node to agree on whether " + username + " exists").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				List<Integer> copies = NODES.stream().map((node) -> recordsNamed(node, username).size()).toList();
				assertThat(copies).as("accounts named %s on %s", username, NODES)
					.containsAnyOf(0, 1)
					.containsOnly(copies.get(0));
			});
	}

	/** Notes which node served the page on screen, and answers it. */
	private String record(Set<String> servedBy, List<String> trail, String page) {
		String node = this.browser.servedBy();
		servedBy.add(node);
		trail.add(page + ": " + node);
		return node;
	}

	/**
	 * The rows of a node's card on the cluster page that belong to a username, whatever
	 * its case.
	 */
	private List<WebElement> rowsNamed(String node, String username) {
		return this.browser.find(By.id("node-" + node))
			.findElements(By.cssSelector("tr[data-username]"))
			.stream()
			.filter((row) -> username.equalsIgnoreCase(row.getDomAttribute("data-username")))
			.toList();
	}

	@Test
	void aVisitorSeesTheSwitchLockedAndCannotUseIt() {
		this.browser.get("/cluster");
		assertThat(this.browser.findAll(By.id("consensus-toggle"))).isEmpty();
		WebElement locked = this.browser.visible(By.id("consensus-locked"));
		assertThat(locked.getText()).contains("Only the operator can switch consensus.");
		assertThat(locked.findElement(By.tagName("button")).isEnabled()).isFalse();
		assertThat(this.browser.find(By.id("consensus-mode")).getText()).isEqualTo("Consensus ON");
	}

	@Test
	void theOperatorSignsInFromTheClusterPageAndSwitchesConsensusOffAndOnForEveryNode() {
		this.browser.get("/cluster");
		this.browser.clickAndWaitForNewPage(this.browser.visible(By.id("operator-sign-in")));
		WebElement form = this.browser.visible(By.id("login-form"));
		this.browser.type(form, "username", RunningCluster.OPERATOR);
		this.browser.type(form, "password", RunningCluster.OPERATOR_PASSWORD);
		this.browser.submit(form);
		assertThat(this.browser.path()).isEqualTo("/cluster");
		assertThat(this.browser.visible(By.id("nav-operator")).getText()).contains("operator");
		this.browser.clickAndWaitForNewPage(this.browser.visible(By.id("consensus-toggle")));
		assertThat(this.browser.visible(By.id("toggle-result")).getText()).contains("Consensus is now OFF");
		assertThat(this.browser.find(By.id("consensus-mode")).getText()).isEqualTo("Consensus OFF");
		for (String node : TestLayout.NODES) {
			assertThat(this.browser.find(By.id("raft-mode-" + node)).getText()).as(node).isEqualTo("OFF");
		}

		this.browser.clickAndWaitForNewPage(this.browser.visible(By.id("consensus-toggle")));
		assertThat(this.browser.visible(By.id("toggle-result")).getText()).contains("Consensus is now ON");
		assertThat(this.browser.find(By.id("consensus-mode")).getText()).isEqualTo("Consensus ON");
		for (String node : TestLayout.NODES) {
			assertThat(this.browser.find(By.id("raft-mode-" + node)).getText()).as(node).isEqualTo("ON");
		}
	}

	private void awaitEveryNodeWritable() {
		await("every node to be writable").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.untilAsserted(() -> {
				for (String node : NODES) {
					assertThat(nodeAccounts(node).get("consensus").get("writable").asBoolean()).as("%s writable", node)
						.isTrue();
				}
			});
	}

	/** Every account record the node's own database holds, asked of the node directly. */
	private List<JsonNode> recordsNamed(String node, String username) {
		List<JsonNode> records = new ArrayList<>();
		for (JsonNode record : nodeAccounts(node).get("accounts")) {
			if (record.get("username").asString().equalsIgnoreCase(username)) {
				records.add(record);
			}
		}
		return records;
	}

	private JsonNode nodeAccounts(String node) {
		HttpRequest request = HttpRequest
			.newBuilder(RunningCluster.url(this.cluster, node).resolve("/api/node/accounts"))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("status of /api/node/accounts on %s", node).isEqualTo(200);
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A username no other test uses. */
	private static String unique(String prefix) {
		return prefix + "-" + COUNTER.incrementAndGet()
				+ Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toLowerCase(Locale.ROOT);
	}

}
