package dev.paxoshub.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import dev.paxoshub.accounts.UsernameRules;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person's view of paxoshub: headless Chromium browsing the front door of three real
 * nodes with consensus OFF. Each test pins its browser to Morpheus first, so a page right
 * after a write is served by the node that took the write; only the last test moves to
 * another node on purpose.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTests {

	private static final String PASSWORD = "correct-horse-battery";

	private static final List<String> NODES = TestLayout.NODES;

	private static final AtomicInteger COUNTER = new AtomicInteger();

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
		this.cluster = RunningCluster.start(data, "--paxoshub.consensus=off");
		this.frontDoor = RunningCluster.frontDoor(this.cluster);
	}

	@AfterAll
	void stopCluster() {
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	@BeforeEach
	void openBrowserPinnedToMorpheus() {
		this.browser = Browser.open(this.frontDoor);
		this.browser.pin("morpheus");
		assertThat(this.browser.servedBy()).isEqualTo("morpheus");
		assertThat(this.browser.find(By.id("consensus-mode")).getText()).isEqualTo("Consensus OFF");
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
			this.browser = null;
		}
	}

	@Test
	void signingUpLandsOnYourOwnProfile() {
		String username = unique("neo-fan");
		this.browser.get("/join");
		WebElement form = this.browser.visible(By.id("signup-form"));
		this.browser.type(form, "username", username);
		this.browser.type(form, "email", username + "@example.org");
		this.browser.type(form, "password", PASSWORD);
		this.browser.submit(form);

		this.browser.waitFor().until(ExpectedConditions.textToBe(By.id("profile-name"), username));
		assertThat(this.browser.path()).isEqualTo("/" + username);
		assertThat(this.browser.servedBy()).isEqualTo("morpheus");
		assertThat(this.browser.signedInUser()).isEqualTo(username);
		assertThat(this.browser.findAll(By.linkText("Sign in"))).isEmpty();
		assertThat(this.browser.find(By.id("profile-origin")).getText()).isEqualTo("Morpheus");
	}

	@Test
	void signingOutAndBackInWithTheRightPasswordOnly() {
		String username = unique("returning");
		this.browser.signUp(username, PASSWORD);
		assertThat(this.browser.signedInUser()).isEqualTo(username);

		WebElement signOut = this.browser.find(By.cssSelector("form[action$='/logout'] button[type=submit]"));
		this.browser.clickAndWaitForNewPage(signOut);
		this.browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
		assertThat(this.browser.find(By.cssSelector(".flash")).getText()).contains("You are signed out.");
		assertThat(this.browser.signedInUser()).isNull();
		assertThat(this.browser.findAll(By.linkText("Sign in"))).isNotEmpty();

		this.browser.signIn(username, "not-" + PASSWORD);
		assertThat(this.browser.visible(By.cssSelector(".form-errors")).getText())
			.isEqualTo("Incorrect username or password.");
		assertThat(this.browser.path()).isEqualTo("/login");
		assertThat(this.browser.signedInUser()).isNull();

		this.browser.signIn(username, PASSWORD);
		this.browser.waitFor().until(ExpectedConditions.textToBe(By.id("profile-name"), username));
		assertThat(this.browser.path()).isEqualTo("/" + username);
		assertThat(this.browser.signedInUser()).isEqualTo(username);
		assertThat(this.browser.servedBy()).isEqualTo("morpheus");
	}

	@Test
	void signingOutVoidsTheSignInCookieOnEveryNodeOnceTheyHearOfIt() {
		String username = unique("leaving");
		this.browser.signUp(username, PASSWORD);
		String cookie = this.browser.driver().manage().getCookieNamed("paxoshub-signin").getValue();
		await("every node to hear of " + username).atMost(Duration.ofSeconds(20))
			.until(() -> NODES.stream().allMatch((node) -> statusWithCookie("/settings/profile", node, cookie) == 200));

		this.browser
			.clickAndWaitForNewPage(this.browser.find(By.cssSelector("form[action$='/logout'] button[type=submit]")));
		assertThat(this.browser.find(By.id("signed-out")).getText())
			.contains("Every other browser signed in to your account is signed out too.");
		// Consensus is OFF: Morpheus knows at once, the others when replication reaches
		// them.
		assertThat(statusWithCookie("/settings/profile", "morpheus", cookie)).isEqualTo(302);
		await("every node to refuse the old cookie").atMost(Duration.ofSeconds(20))
			.until(() -> NODES.stream().allMatch((node) -> statusWithCookie("/settings/profile", node, cookie) == 302));
	}

	@Test
	void aNewPasswordKeepsThisBrowserSignedInAndVoidsTheOldCookie() {
		String username = unique("rotating");
		this.browser.signUp(username, PASSWORD);
		String before = this.browser.driver().manage().getCookieNamed("paxoshub-signin").getValue();

		this.browser.get("/settings/profile");
		this.browser.clickAndWaitForNewPage(this.browser.visible(By.id("change-password")));
		WebElement form = this.browser.visible(By.id("password-form"));
		this.browser.type(form, "currentPassword", PASSWORD);
		this.browser.type(form, "newPassword", "another-" + PASSWORD);
		this.browser.type(form, "confirmPassword", "another-" + PASSWORD);
		this.browser.submit(form);

		assertThat(this.browser.visible(By.id("password-changed")).getText()).contains("Your password is changed.");
		assertThat(this.browser.signedInUser()).isEqualTo(username);
		assertThat(statusWithCookie("/settings/profile", "morpheus", before)).isEqualTo(302);

		this.browser
			.clickAndWaitForNewPage(this.browser.find(By.cssSelector("form[action$='/logout'] button[type=submit]")));
		this.browser.signIn(username, PASSWORD);
		assertThat(this.browser.visible(By.cssSelector(".form-errors")).getText())
			.isEqualTo("Incorrect username or password.");
		this.browser.signIn(username, "another-" + PASSWORD);
		this.browser.waitFor().until(ExpectedConditions.textToBe(By.id("profile-name"), username));
	}

	@Test
	void twoDifferentNewPasswordsAreExplainedAndChangeNothing() {
		String username = unique("typo");
		this.browser.signUp(username, PASSWORD);
		this.browser.get("/settings/password");
		WebElement form = this.browser.visible(By.id("password-form"));
		this.browser.type(form, "currentPassword", PASSWORD);
		this.browser.type(form, "newPassword", "another-" + PASSWORD);
		this.browser.type(form, "confirmPassword", "anotehr-" + PASSWORD);
		this.browser.submit(form);
		assertThat(this.browser.visible(By.id("confirmPassword-error")).getText())
			.isEqualTo("The two new passwords are not the same.");
		assertThat(this.browser.findAll(By.id("password-changed"))).isEmpty();
	}

	@Test
	void editingTheProfileShowsTheNewNameBioAndAvatarButRefusesAFileThatIsNoImage(@TempDir Path files)
			throws IOException {
		String username = unique("editor");
		this.browser.signUp(username, PASSWORD);
		Path png = writePng(files.resolve("avatar.png"));

		this.browser.get("/settings/profile");
		WebElement form = this.browser.visible(By.id("profile-form"));
		this.browser.type(form, "displayName", "Agent Editor");
		this.browser.type(form, "bio", "Follows the white rabbit.");
		form.findElement(By.name("avatar")).sendKeys(png.toAbsolutePath().toString());
		this.browser.submit(form);

		this.browser.waitFor().until(ExpectedConditions.textToBe(By.id("profile-name"), "Agent Editor"));
		assertThat(this.browser.path()).isEqualTo("/" + username);
		assertThat(this.browser.find(By.id("profile-username")).getText()).isEqualTo(username);
		assertThat(this.browser.find(By.id("profile-bio")).getText()).isEqualTo("Follows the white rabbit.");
		WebElement avatar = this.browser.find(By.id("profile-avatar"));
		assertThat(this.browser.loadedWidth(avatar)).as("natural width of the avatar").isEqualTo(40);
		String avatarSrc = avatar.getDomAttribute("src");

		Path notAnImage = Files.writeString(files.resolve("notes.png"), "These are notes, not a picture.\n");
		this.browser.get("/settings/profile");
		form = this.browser.visible(By.id("profile-form"));
		this.browser.type(form, "displayName", "Someone Else");
		this.browser.type(form, "bio", "This bio must not be saved.");
		form.findElement(By.name("avatar")).sendKeys(notAnImage.toAbsolutePath().toString());
		this.browser.submit(form);

		WebElement error = this.browser.visible(By.id("avatar-error"));
		assertThat(error.getText()).isEqualTo("An avatar must be a PNG, JPEG, GIF or WebP image.");
		assertThat(this.browser.find(By.id("profile-form"))).isNotNull();
		assertThat(this.browser.find(By.id("avatar")).getDomAttribute("aria-invalid")).isEqualTo("true");

		this.browser.get("/" + username);
		this.browser.waitFor().until(ExpectedConditions.textToBe(By.id("profile-name"), "Agent Editor"));
		assertThat(this.browser.find(By.id("profile-bio")).getText()).isEqualTo("Follows the white rabbit.");
		avatar = this.browser.find(By.id("profile-avatar"));
		assertThat(avatar.getDomAttribute("src")).isEqualTo(avatarSrc);
		assertThat(this.browser.loadedWidth(avatar)).isEqualTo(40);
	}

	@Test
	void aNewRepositoryShowsItsReadmeRenderedAndAppearsOnTheProfile() {
		String username = unique("builder");
		this.browser.signUp(username, PASSWORD);

		this.browser.get("/new");
		WebElement form = this.browser.visible(By.id("repo-form"));
		this.browser.type(form, "name", "construct");
		this.browser.type(form, "description", "The loading program.");
		this.browser.type(form, "readme", String.join("\n", "# The Construct", "", "It is **our loading program**.", "",
				"- guns", "- lots of guns", "", "Run `load --all` to begin.", ""));
		this.browser.submit(form);

		this.browser.waitFor().until(ExpectedConditions.textToBe(By.id("repo-name"), "construct"));
		assertThat(this.browser.path()).isEqualTo("/" + username + "/construct");
		WebElement readme = this.browser.find(By.id("readme"));
		assertThat(readme.findElement(By.tagName("h1")).getText()).isEqualTo("The Construct");
		assertThat(readme.findElement(By.tagName("strong")).getText()).isEqualTo("our loading program");
		assertThat(readme.findElements(By.tagName("li"))).extracting(WebElement::getText)
			.containsExactly("guns", "lots of guns");
		assertThat(readme.findElement(By.tagName("code")).getText()).isEqualTo("load --all");
		assertThat(readme.getText()).doesNotContain("**", "# The");
		assertThat(this.browser.find(By.id("repo-description")).getText()).isEqualTo("The loading program.");

		this.browser.get("/" + username);
		WebElement repos = this.browser.visible(By.id("repo-list"));
		WebElement link = repos.findElement(By.linkText("construct"));
		assertThat(URI.create(link.getDomProperty("href")).getPath()).isEqualTo("/" + username + "/construct");
		assertThat(repos.getText()).contains("The loading program.");
	}

	@Test
	void aReadmeCannotRunScript() {
		String username = unique("smith");
		this.browser.signUp(username, PASSWORD);

		this.browser.get("/new");
		WebElement form = this.browser.visible(By.id("repo-form"));
		this.browser.type(form, "name", "virus");
		this.browser.type(form, "readme", String.join("\n", "# Harmless", "", "<script>window.__xss = 1</script>", "",
				"<img src=x onerror=\"window.__xss=2\">", "", "[link](javascript:window.__xss=3)", "", "The end.", ""));
		this.browser.submit(form);

		this.browser.waitFor().until(ExpectedConditions.textToBe(By.id("repo-name"), "virus"));
		WebElement readme = this.browser.find(By.id("readme"));
		assertThat(readme.findElement(By.tagName("h1")).getText()).isEqualTo("Harmless");
		assertThat(readme.getText()).contains("link", "The end.");
		assertThat(readme.findElements(By.tagName("script"))).isEmpty();
		assertThat(readme.findElements(By.cssSelector("[onerror], [onclick], [onload]"))).isEmpty();
		assertThat(readme.findElements(By.cssSelector("a[href^='javascript' i]"))).isEmpty();
		// An <img src=x> fails to load; wait for that, so an onerror handler would have
		// run by now.
		this.browser.waitFor()
			.withMessage("the README's images to finish loading or failing")
			.until((d) -> Boolean.TRUE.equals(this.browser
				.script("return Array.from(arguments[0].querySelectorAll('img')).every((i) => i.complete);", readme)));
		assertThat(this.browser.script("return window.__xss;")).isNull();

		// Click what is left of the link (an <a> if the sanitiser kept one): nothing runs
		// either.
		WebElement link = readme.findElement(By
			.xpath(".//*[contains(normalize-space(.), 'link') and not(*[contains(normalize-space(.), 'link')])]"));
		link.click();
		assertThat(this.browser.script("return window.__xss;")).isNull();
		assertThat(this.browser.path()).isEqualTo("/" + username + "/virus");
	}

	@Test
	void anInvalidUsernameIsExplainedNextToTheFieldAndCreatesNothing() {
		assertRefusedUsername("-paxos");
		assertRefusedUsername("login");
		assertRefusedUsername("explore");

		// Nothing was stored: their profiles are the not-found page ("/login" is the
		// sign-in page,
		// so for that name ask the front door's API instead).
		for (String name : List.of("-paxos", "explore")) {
			this.browser.get("/" + name);
			assertThat(this.browser.find(By.cssSelector("img[src*='lost-cat.svg']"))).isNotNull();
			assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("This page wandered off");
		}
		for (String name : List.of("-paxos", "login", "explore")) {
			assertThat(apiStatus("/api/accounts/" + name, "morpheus")).as("API status of " + name).isEqualTo(404);
		}
	}

	@Test
	void anUnknownPageShowsTheLostCatAndNoStackTrace() {
		this.browser.get("/no-such-user-xyz");

		WebElement cat = this.browser.find(By.cssSelector("img[src*='lost-cat.svg']"));
		assertThat(this.browser.loadedWidth(cat)).as("natural width of the lost cat").isPositive();
		assertThat(cat.getDomAttribute("alt")).isNotBlank();
		assertThat(this.browser.driver().getTitle()).startsWith("Page not found");
		WebElement home = this.browser.find(By.linkText("Take me home"));
		assertThat(URI.create(home.getDomProperty("href")).getPath()).isEqualTo("/");
		String page = this.browser.driver().getPageSource();
		assertThat(page).doesNotContain("Exception", "at org.", "at java.", "Whitelabel");
		assertThat(apiStatus("/no-such-user-xyz", "morpheus")).isEqualTo(404);
		// Like every page, it says which node answered.
		assertThat(this.browser.servedBy()).isEqualTo("morpheus");
	}

	@Test
	void theClusterPageShowsThreeLiveNodesAndANewAccountOnMorpheus() {
		String username = unique("cluster-watcher");
		this.browser.signUp(username, PASSWORD);

		this.browser.get("/cluster");
		for (String node : TestLayout.NODES) {
			WebElement card = this.browser.visible(By.id("node-" + node));
			assertThat(card.getDomAttribute("data-node")).isEqualTo(node);
			WebElement status = this.browser.find(By.id("node-status-" + node));
			assertThat(status.getDomAttribute("data-up")).as(node + " is up").isEqualTo("true");
			assertThat(status.getText()).isEqualTo("Up");
		}
		assertThat(this.browser.findAll(By.cssSelector(".cluster-note"))).isEmpty();
		assertThat(this.browser.find(By.id("cluster-summary")).getDomAttribute("data-conflicts")).isEqualTo("0");

		WebElement row = this.browser.find(By.id("node-morpheus"))
			.findElement(By.cssSelector("tr[data-username='" + username + "']"));
		assertThat(row.getDomAttribute("data-conflict")).isEqualTo("false");
		// Emails are private: a visitor's cluster page shows none.
		assertThat(row.getText()).contains(username).doesNotContain(username + "@example.org");
		assertThat(row.findElement(By.cssSelector(".origin-tag")).getText()).isEqualToIgnoringCase("on Morpheus");
	}

	@Test
	void aSignedInPersonStaysSignedInOnAnotherNode() {
		String username = unique("traveller");
		this.browser.signUp(username, PASSWORD);
		assertThat(this.browser.servedBy()).isEqualTo("morpheus");

		await("Neo to hear of " + username).atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> apiStatus("/api/accounts/" + username, "neo") == 200);

		this.browser.pin("neo");
		this.browser.get("/settings/profile");
		this.browser.waitUntilServedBy("neo");
		assertThat(this.browser.path()).isEqualTo("/settings/profile");
		assertThat(this.browser.visible(By.id("profile-form"))).isNotNull();
		assertThat(this.browser.findAll(By.id("login-form"))).isEmpty();
		assertThat(this.browser.signedInUser()).isEqualTo(username);
	}

	/**
	 * Signs up with a name the rules refuse and checks the rule's own sentence shows next
	 * to the field.
	 */
	private void assertRefusedUsername(String username) {
		String message = UsernameRules.violation(username).orElseThrow();
		this.browser.get("/join");
		WebElement form = this.browser.visible(By.id("signup-form"));
		this.browser.type(form, "username", username);
		this.browser.type(form, "email", "refused@example.org");
		this.browser.type(form, "password", PASSWORD);
		this.browser.submit(form);

		WebElement error = this.browser.visible(By.id("username-error"));
		assertThat(error.getText()).as("message for " + username).isEqualTo(message);
		assertThat(error.getDomAttribute("class")).contains("field-error");
		WebElement field = this.browser.find(By.cssSelector("#signup-form input[name=username]"));
		assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(field.getDomAttribute("aria-describedby")).contains("username-error");
		assertThat(field.getDomProperty("value")).isEqualTo(username);
		assertThat(this.browser.findAll(By.cssSelector("#signup-form .field-error"))).hasSize(1);
		assertThat(this.browser.path()).isEqualTo("/join");
		assertThat(this.browser.signedInUser()).isNull();
	}

	/** The status the front door answers for a path, sent to the given node. */
	/** What a node answers a request that carries only the given sign-in cookie. */
	private int statusWithCookie(String path, String node, String signInCookie) {
		return send(HttpRequest.newBuilder(this.frontDoor.resolve(path))
			.header("X-Paxoshub-Node", node)
			.header("Cookie", "paxoshub-signin=" + signInCookie)
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build());
	}

	private int apiStatus(String path, String node) {
		return send(HttpRequest.newBuilder(this.frontDoor.resolve(path))
			.header("X-Paxoshub-Node", node)
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build());
	}

	private int send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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

	/** A real 40×40 PNG, drawn by ImageIO. */
	private static Path writePng(Path file) throws IOException {
		BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setColor(new Color(0x1a7f37));
			graphics.fillRect(0, 0, 40, 40);
			graphics.setColor(Color.WHITE);
			graphics.fillOval(8, 8, 24, 24);
		}
		finally {
			graphics.dispose();
		}
		assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
		return file;
	}

}
