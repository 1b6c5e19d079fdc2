package dev.paxoshub.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.paxoshub.demo.DemoCluster;
import dev.paxoshub.demo.RunningCluster;
import dev.paxoshub.demo.RunningHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person watching the story on the home, in headless Chromium: the real demo, both
 * clusters (consensus OFF and ON) and the home, started once for the class. The operator
 * plays the article's story from the page and looks back at an earlier step; a visitor
 * who has not signed in can watch but not play.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoryBrowserTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Both clusters are reset first (every node started again, empty), then the story's
	 * steps and waits play at fast speed, on two cores.
	 */
	private static final Duration WHOLE_STORY = Duration.ofMinutes(4);

	@TempDir
	static Path data;

	private DemoCluster off;

	private DemoCluster on;

	private RunningHome home;

	private Browser browser;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@RegisterExtension
	final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> this.browser);

	@BeforeAll
	void startTheDemo() {
		Browser.requireChromium();
		this.off = RunningCluster.startNamed("off", data.resolve("off"), "--paxoshub.consensus=off");
		this.on = RunningCluster.startNamed("on", data.resolve("on"), "--paxoshub.consensus=on",
				"--paxoshub.raft.start-timeout=30s");
		this.home = RunningHome.live(this.off, this.on);
	}

	@AfterAll
	void stopTheDemo() throws Exception {
		RunningCluster.closeAll(this.home, this.off, this.on);
	}

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open(this.home.url());
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
			this.browser = null;
		}
	}

	@Test
	void theOperatorPlaysTheStoryAndLooksBackAtAnEarlierStep() {
		this.browser.signIn(RunningCluster.OPERATOR, RunningCluster.OPERATOR_PASSWORD);
		assertThat(this.browser.find(By.id("nav-operator")).getText()).contains(RunningCluster.OPERATOR);
		this.browser.get("/story");
		WebElement form = this.browser.visible(By.id("story-play-form"));
		new Select(form.findElement(By.id("story-scenario"))).selectByValue("the-story");
		assertThat(form.findElement(By.id("story-reset-first")).isSelected()).as("reset first, by default").isTrue();
		new Select(form.findElement(By.id("story-speed"))).selectByValue("fast");
		this.browser.clickAndWaitForNewPage(form.findElement(By.id("story-play")));
		assertThat(this.browser.path()).isEqualTo("/story");
		assertThat(this.browser.find(By.id("story-notice")).getText()).contains("The story of paxosexpert");

		awaitBothVerdicts();
		for (String side : List.of("off", "on")) {
			WebElement verdict = this.browser.find(By.id("story-verdict-" + side));
			List<WebElement> lines = verdict.findElements(By.tagName("li"));
			assertThat(lines).as("the verdict lines on " + side).isNotEmpty();
			assertThat(lines).allSatisfy((line) -> assertThat(line.getText()).isNotBlank());
		}
		int played = Integer.parseInt(view().getDomAttribute("data-played"));
		assertThat(played).as("every step of the story was played").isGreaterThan(2);
		assertThat(view().getDomAttribute("data-shown")).isEqualTo(String.valueOf(played));

		// The third step is your sign-up on Morpheus: an action, with the page served.
		this.browser.script("window.storyPage = 'the same page';");
		String signUpHeadline = this.browser.find(By.cssSelector("#story-step-3 .story-step-headline")).getText();
		assertThat(signUpHeadline).contains("sign-up on Morpheus");
		this.browser.find(By.id("story-step-3")).click();
		awaitStepShown(3);
		assertBothColumnsShow(signUpHeadline);
		assertThat(this.browser.script("return window.storyPage;")).as("htmx swapped the columns in place")
			.isEqualTo("the same page");
		assertTheRecordedPageShowsIn("off");

		// The slider goes back to the first step: Morpheus cut off from its peers.
		String firstHeadline = this.browser.find(By.cssSelector("#story-step-1 .story-step-headline")).getText();
		this.browser.find(By.id("story-slider")).sendKeys(Keys.HOME);
		awaitStepShown(1);
		assertBothColumnsShow(firstHeadline);
		assertThat(this.browser.find(By.id("story-slider")).getDomProperty("value")).isEqualTo("1");
	}

	@Test
	void aVisitorWatchesButCannotPlay() throws Exception {
		String before = currentPlay();
		this.browser.get("/story");
		this.browser.visible(By.id("story-view"));
		assertThat(this.browser.find(By.id("story-sign-in")).getText()).contains("to play a scenario");
		assertThat(this.browser.findAll(By.id("story-play"))).isEmpty();
		assertThat(this.browser.findAll(By.id("story-play-form"))).isEmpty();
		assertThat(this.browser.findAll(By.cssSelector("form[action^='/story/']"))).isEmpty();

		// Without a token the post is refused outright; with one (the sign-in page hands
		// every visitor one) the visitor is sent to sign in.
		assertThat(this.browser.script("""
				return fetch('/story/play', { method: 'POST', redirect: 'manual',
				    body: new URLSearchParams({ scenario: 'the-story', reset: 'true', speed: 'fast' }) })
				  .then((response) => response.status);""")).isEqualTo(403L);
		this.browser.get("/login");
		String token = this.browser.find(By.cssSelector("#login-form input[name=_csrf]")).getDomAttribute("value");
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = (Map<String, Object>) this.browser.script(
				"""
						return fetch('/story/play', { method: 'POST',
						    body: new URLSearchParams({ scenario: 'the-story', reset: 'true', speed: 'fast', _csrf: arguments[0] }) })
						  .then((response) => ({ redirected: response.redirected, url: response.url }));""",
				token);
		assertThat(answer.get("redirected")).isEqualTo(true);
		assertThat(URI.create((String) answer.get("url")).getPath()).isEqualTo("/login");

		HttpResponse<String> direct = this.http.send(HttpRequest.newBuilder(this.home.url().resolve("/story/play"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("scenario=the-story&reset=true&speed=fast"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(direct.statusCode()).isEqualTo(403);
		assertThat(currentPlay()).as("no play was started").isEqualTo(before);
	}

	private WebElement view() {
		return this.browser.find(By.id("story-view"));
	}

	/** Fails at once, with what the page says, when the play stops before the end. */
	private void awaitBothVerdicts() {
		this.browser.waitFor(WHOLE_STORY)
			.withMessage("both verdicts of the story")
			.pollingEvery(Duration.ofSeconds(1))
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> {
				List<WebElement> failed = this.browser.findAll(By.cssSelector("#story-view[data-state=failed]"));
				if (!failed.isEmpty()) {
					throw new AssertionError("The play stopped: " + this.browser.find(By.id("story-status")).getText());
				}
				return !this.browser.findAll(By.id("story-verdict-off")).isEmpty()
						&& !this.browser.findAll(By.id("story-verdict-on")).isEmpty();
			});
	}

	private void awaitStepShown(int step) {
		this.browser.waitFor()
			.withMessage("the columns at step " + step)
			.ignoring(StaleElementReferenceException.class)
			.until(ExpectedConditions.attributeToBe(By.id("story-view"), "data-shown", String.valueOf(step)));
	}

	private void assertBothColumnsShow(String headline) {
		for (String side : List.of("off", "on")) {
			assertThat(this.browser.find(By.cssSelector("#story-side-" + side + " .story-headline-text")).getText())
				.as("the headline on " + side)
				.isEqualTo(headline);
		}
	}

	/**
	 * The frame shows the node's page as it was served: framed by the home, not refused
	 * by the headers that keep every other page of the home out of frames.
	 */
	private void assertTheRecordedPageShowsIn(String side) {
		WebElement frame = this.browser.find(By.cssSelector("#story-side-" + side + " iframe.story-frame"));
		assertThat(frame.getDomAttribute("sandbox")).isEmpty();
		String summary = this.browser.find(By.cssSelector("#story-side-" + side + " .story-summary")).getText();
		this.browser.driver().switchTo().frame(frame);
		try {
			this.browser.waitFor()
				.withMessage("the recorded page in the frame on " + side)
				.until((driver) -> !driver.findElement(By.tagName("body")).getText().isBlank());
			String text = this.browser.find(By.tagName("body")).getText();
			assertThat(text).doesNotContain("refused to connect");
			assertThat(text.replaceAll("\\s+", " ")).contains(summary.replace("...", ""));
		}
		finally {
			this.browser.driver().switchTo().defaultContent();
		}
	}

	/** The play in progress, by id, from the home's API; "none" when there is none. */
	private String currentPlay() throws Exception {
		HttpResponse<String> answer = this.http.send(
				HttpRequest.newBuilder(this.home.url().resolve("/api/story/plays/current")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() == 404) {
			return "none";
		}
		JsonNode play = JSON.readTree(answer.body());
		return play.path("id").asString();
	}

}
