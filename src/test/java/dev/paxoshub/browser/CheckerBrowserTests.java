package dev.paxoshub.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import dev.paxoshub.demo.RunningHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor reading the fault checker's verdicts from the home, in headless Chromium: a
 * real home on a data folder, into which the test puts the two 60-second runs the
 * repository carries (under {@code src/site/checker}), as {@code scripts/check.sh} would.
 * The reports are read as they are: the test knows their figures only from their own
 * {@code result.json}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckerBrowserTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path CARRIED_RUNS = Path.of("src", "site", "checker");

	@TempDir
	static Path data;

	private RunningHome home;

	private Browser browser;

	@RegisterExtension
	final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> this.browser);

	@BeforeAll
	void startHome() {
		Browser.requireChromium();
		this.home = RunningHome.onDataFolder(data);
	}

	@AfterAll
	void stopHome() {
		if (this.home != null) {
			this.home.close();
		}
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
	@Order(1)
	void beforeAnyRunTheHomeSaysHowToMakeOneAndAfterItLinksEachModesVerdict() throws IOException {
		this.browser.get("/");
		WebElement section = section();
		assertThat(section.getText()).contains("No run yet").contains("scripts/check.sh");
		assertThat(section.findElements(By.tagName("a"))).isEmpty();

		JsonNode on = checkedRun("on");
		JsonNode off = checkedRun("off");

		this.browser.get("/");
		String onLine = this.browser.visible(By.id("checker-run-on")).getText();
		assertThat(onLine).contains("Consensus ON: the last run's report")
			.contains("valid: no anomaly in " + on.path("operations").asInt() + " operations");
		String offLine = this.browser.visible(By.id("checker-run-off")).getText();
		assertThat(offLine).contains("Consensus OFF: the last run's report")
			.contains("anomalies found: " + off.path("duplicates").asInt() + " names given twice, "
					+ off.path("lostWrites").asInt() + " acknowledged writes lost, " + off.path("staleReads").asInt()
					+ " stale reads, " + off.path("nonLinearizableKeys").asInt()
					+ " accounts with no explaining order");
		assertThat(section().getText()).doesNotContain("No run yet");
	}

	@Test
	@Order(2)
	void theOnReportOpensFromTheHomeWithItsVerdictChartsAndFaults() throws IOException {
		JsonNode on = checkedRun("on");
		this.browser.get("/");
		this.browser.clickAndWaitForNewPage(
				this.browser.visible(By.cssSelector("#checker-run-on a[href='/checker/on/report']")));
		assertThat(this.browser.path()).isEqualTo("/checker/on/report");

		assertThat(this.browser.visible(By.cssSelector("header.banner h1 .mode")).getText()).isEqualTo("Consensus ON");
		assertThat(this.browser.find(By.cssSelector("header.banner h1 .verdict")).getText()).isEqualTo("VALID");
		assertThat(this.browser.find(By.cssSelector("header.banner")).getDomAttribute("class")).contains("valid")
			.doesNotContain("invalid");
		// The report is read, never run: whatever it holds stays inert under the policy.
		assertThat(this.browser.findAll(By.tagName("script"))).isEmpty();

		int faults = on.path("faults").size();
		assertThat(faults).isPositive();
		for (String chart : List.of("timeline", "latency", "roles")) {
			WebElement svg = this.browser.visible(By.cssSelector("svg.chart." + chart));
			assertThat(svg.getRect().getHeight()).as("height of the %s chart", chart).isGreaterThan(100);
			assertThat(svg.getRect().getWidth()).as("width of the %s chart", chart).isGreaterThan(600);
			// Each fault is shaded across every chart of the shared time axis.
			assertThat(svg.findElements(By.cssSelector("rect.fault-band"))).as("fault bands on the %s chart", chart)
				.hasSize(faults);
		}

		this.browser.find(By.cssSelector("nav.tabs a[href='#roles']")).click();
		this.browser.waitFor()
			.withMessage("the Raft roles tab to scroll its chart into view")
			.until((d) -> URI.create(d.getCurrentUrl()).getFragment() != null
					&& URI.create(d.getCurrentUrl()).getFragment().equals("roles"));
		assertThat(this.browser.find(By.cssSelector("#operations .none")).getText())
			.isEqualTo("No operation is named by an anomaly.");
	}

	@Test
	@Order(3)
	void theOffReportNamesEachDuplicateAndLinksToTheOperationsBehindIt() throws IOException {
		JsonNode off = checkedRun("off");
		this.browser.get("/checker/off/report");
		assertThat(this.browser.visible(By.cssSelector("header.banner h1 .verdict")).getText()).isEqualTo("INVALID");
		assertThat(this.browser.find(By.cssSelector("header.banner .reason")).getText())
			.contains(off.path("duplicates").asInt() + " duplicate owners");

		List<WebElement> duplicates = this.browser.findAll(By.cssSelector("table.anomalies.duplicates tbody tr"));
		assertThat(duplicates).hasSize(off.path("duplicates").asInt());
		WebElement first = duplicates.get(0);
		String username = first.findElement(By.tagName("code")).getText();
		assertThat(first.findElement(By.cssSelector(".explanation")).getText())
			.matches("'" + Pattern.quote(username) + "' was given to [2-9] owners: .*");

		WebElement link = first.findElement(By.cssSelector("a.op-link"));
		String target = link.getDomAttribute("href");
		assertThat(target).matches("#op-\\d+");
		link.click();
		this.browser.waitFor()
			.withMessage("the link " + target + " to lead to its operation")
			.until((d) -> ("#" + URI.create(d.getCurrentUrl()).getFragment()).equals(target));
		WebElement operation = this.browser
			.find(By.cssSelector("table.operations tr[id='" + target.substring(1) + "']"));
		assertThat(operation.isDisplayed()).isTrue();
		assertThat(operation.getText()).contains(username);
	}

	@Test
	@Order(4)
	void aModeWithoutARunIsAPageThatSaysHowToMakeOne() {
		this.browser.get("/checker/sideways/report");
		assertThat(this.browser.visible(By.tagName("main")).getText()).contains("No fault-checker run")
			.contains("scripts/check.sh");
		this.browser.waitFor().until(ExpectedConditions.titleContains("paxoshub"));
	}

	private WebElement section() {
		return this.browser.visible(By.id("checker-title")).findElement(By.xpath("./ancestor::section"));
	}

	/**
	 * Puts the carried run of a mode where {@code scripts/check.sh} leaves its runs,
	 * once, and answers the summary of its result.
	 */
	private static JsonNode checkedRun(String mode) throws IOException {
		Path run = data.resolve("checker").resolve("runs").resolve("20261202-200000-" + mode);
		if (!Files.isDirectory(run)) {
			Files.createDirectories(run);
			for (String file : List.of("result.json", "report.html")) {
				Files.copy(CARRIED_RUNS.resolve(mode).resolve(file), run.resolve(file));
			}
		}
		JsonNode summary = JSON.readTree(Files.readString(run.resolve("result.json"))).path("summary");
		assertThat(summary.path("mode").asString()).isEqualTo(mode);
		return summary;
	}

}
