package dev.paxoshub.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Debian Chromium looking at the front door, with the few moves every test
 * needs: open a path, pin a node, fill and submit a form, and wait for the next page.
 * Selenium Manager never runs: the browser and its driver are both named explicitly.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Duration WAIT = Duration.ofSeconds(10);

	private final URI frontDoor;

	private final Path profileDir;

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private Browser(URI frontDoor, Path profileDir, ChromeDriverService service, ChromeDriver driver) {
		this.frontDoor = frontDoor;
		this.profileDir = profileDir;
		this.service = service;
		this.driver = driver;
	}

	/**
	 * Fails (never skips) when Chromium or its driver is missing: CI installs both, so
	 * their absence is a broken build, not a reason to pass quietly.
	 */
	static void requireChromium() {
		assertThat(Files.isExecutable(CHROMIUM))
			.withFailMessage("The browser tests need Debian Chromium at %s (apt-get install chromium "
					+ "chromium-driver); it is missing or not executable.", CHROMIUM)
			.isTrue();
		assertThat(Files.isExecutable(CHROMEDRIVER))
			.withFailMessage("The browser tests need chromedriver at %s (apt-get install chromium-driver); "
					+ "it is missing or not executable.", CHROMEDRIVER)
			.isTrue();
	}

	static Browser open(URI frontDoor) {
		requireChromium();
		Path profileDir;
		try {
			profileDir = Files.createTempDirectory("paxoshub-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profileDir.toAbsolutePath(), "--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		try {
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(frontDoor, profileDir, service, driver);
		}
		catch (RuntimeException ex) {
			service.stop();
			deleteQuietly(profileDir);
			throw ex;
		}
	}

	WebDriver driver() {
		return this.driver;
	}

	URI frontDoor() {
		return this.frontDoor;
	}

	/** Loads a path of the site, through the front door. */
	void get(String path) {
		this.driver.get(this.frontDoor.resolve(path).toString());
	}

	/**
	 * Chooses the node in the header's Node menu of the home page, as a person would,
	 * which asks the front door to send every following request there, and checks it
	 * does. The menu's form answers with the page it was on, so the browser ends on the
	 * home page, served by that node.
	 */
	void pin(String node) {
		get("/");
		find(By.cssSelector(".pin-menu > summary")).click();
		WebElement choice = visible(By.cssSelector(".pin-menu button[name=node][value='" + node + "']"));
		WebElement html = this.driver.findElement(By.tagName("html"));
		choice.click();
		waitFor().withMessage("a new page after pinning " + node).until(ExpectedConditions.stalenessOf(html));
		waitUntilServedBy(node);
	}

	void waitUntilServedBy(String node) {
		waitFor().withMessage("the page to be served by " + node)
			.until(ExpectedConditions.attributeToBe(By.id("served-by"), "data-node", node));
	}

	String servedBy() {
		return find(By.id("served-by")).getDomAttribute("data-node");
	}

	WebDriverWait waitFor() {
		return waitFor(WAIT);
	}

	/**
	 * Live pages swap their sections in place (htmx, several times a second): an element
	 * a condition located may be replaced before the condition reads it, and the next
	 * poll finds its successor.
	 */
	WebDriverWait waitFor(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	WebElement find(By by) {
		return waitFor().until(ExpectedConditions.presenceOfElementLocated(by));
	}

	WebElement visible(By by) {
		return waitFor().until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/** Clears a field and types into it, as a person would. */
	void type(WebElement form, String name, String text) {
		WebElement field = form.findElement(By.name(name));
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * Submits a form with its submit button and waits until the browser has left the page
	 * that held it, so the next lookup can only see the answer.
	 */
	void submit(WebElement form) {
		String action = form.getDomAttribute("action");
		clickAndWaitForNewPage(form.findElement(By.cssSelector("button[type=submit]")), "submitting " + action);
	}

	/**
	 * Clicks something that loads a new page and waits for it. None of the flows expects
	 * an error page there, so one fails the test at once, with what the page said.
	 */
	void clickAndWaitForNewPage(WebElement element) {
		clickAndWaitForNewPage(element, "the click");
	}

	private void clickAndWaitForNewPage(WebElement element, String what) {
		WebElement html = this.driver.findElement(By.tagName("html"));
		element.click();
		waitFor().withMessage("a new page after " + what).until(ExpectedConditions.stalenessOf(html));
		waitFor().withMessage("the page after " + what + " to load")
			.until((d) -> "complete".equals(script("return document.readyState;")));
		List<WebElement> errorPage = findAll(By.cssSelector("main.error-page"));
		if (!errorPage.isEmpty()) {
			throw new AssertionError("After " + what + " the site answered an error page at " + path() + " (served by "
					+ findAll(By.id("served-by")).stream()
						.map((b) -> b.getDomAttribute("data-node"))
						.findFirst()
						.orElse("?")
					+ "): " + errorPage.get(0).getText().replaceAll("\\s+", " ").trim());
		}
	}

	String path() {
		return URI.create(this.driver.getCurrentUrl()).getPath();
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Waits until an image has finished loading and answers its natural width (0 if it
	 * broke).
	 */
	long loadedWidth(WebElement image) {
		waitFor().withMessage("the image " + image.getDomAttribute("src") + " to finish loading")
			.until((d) -> Boolean.TRUE.equals(script("return arguments[0].complete;", image)));
		return ((Number) script("return arguments[0].naturalWidth;", image)).longValue();
	}

	/** Signs up through the form, which lands on the new profile. */
	void signUp(String username, String password) {
		get("/join");
		WebElement form = visible(By.id("signup-form"));
		type(form, "username", username);
		type(form, "email", username + "@example.org");
		type(form, "password", password);
		submit(form);
		waitFor().withMessage("the profile of " + username + " after signing up")
			.until(ExpectedConditions.textToBe(By.id("profile-name"), username));
	}

	/** Signs in through /login and answers the page that comes back. */
	void signIn(String username, String password) {
		get("/login");
		WebElement form = visible(By.id("login-form"));
		type(form, "username", username);
		type(form, "password", password);
		submit(form);
	}

	/** The user the header shows as signed in, or null if it offers to sign in. */
	String signedInUser() {
		List<WebElement> profileLink = findAll(By.id("nav-profile"));
		return profileLink.isEmpty() ? null : profileLink.get(0).getText();
	}

	void screenshot(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		Files.writeString(file.resolveSibling(file.getFileName().toString().replaceFirst("\\.png$", ".html")),
				"<!-- " + this.driver.getCurrentUrl() + " -->\n" + this.driver.getPageSource());
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteQuietly(this.profileDir);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A temporary folder left behind is not worth failing a test for.
		}
	}

}
