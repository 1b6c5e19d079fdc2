package dev.paxoshub.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The home's links to the fault checker's newest reports, read from the files the checker
 * leaves under the data folder.
 */
@SpringBootTest(classes = { HomeApplication.class, StoryPageControllerTests.TwoClusters.class },
		properties = { "paxoshub.admin.password=operator-password-for-tests", "paxoshub.role=home",
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@AutoConfigureMockMvc
class CheckerReportControllerTests {

	@TempDir
	static Path data;

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("paxoshub.data-dir", () -> data.toString());
	}

	@BeforeAll
	static void threeRuns() throws IOException {
		run("20261202-100000-on", "on", true, 0, "<p>the older ON run</p>");
		run("20261202-110000-on", "on", true, 0, "<p>the newer ON run</p>");
		run("20261202-100500-off", "off", false, 3, "<p>the OFF run</p>");
		Path broken = Files.createDirectories(data.resolve("checker/runs/20261202-120000-on"));
		Files.writeString(broken.resolve("result.json"), "{ not json");
		Files.writeString(broken.resolve("report.html"), "<p>a broken run</p>");
	}

	@Test
	void theHomePageLinksTheNewestRunOfEachModeWithItsVerdict() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/checker/on/report\"")))
			.andExpect(content().string(containsString("href=\"/checker/off/report\"")))
			.andExpect(content().string(containsString("valid: no anomaly in <span>1200</span> operations")))
			.andExpect(content().string(containsString("anomalies found: 3 names given twice")));
	}

	@Test
	void theReportIsTheNewestReadableRunsPageUnderAPolicyThatRunsNothing() throws Exception {
		this.mvc.perform(get("/checker/on/report"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/html")))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox; default-src 'none'")))
			.andExpect(content().string(containsString("the newer ON run")))
			.andExpect(content().string(not(containsString("broken"))));
		this.mvc.perform(get("/checker/off/report")).andExpect(content().string(containsString("the OFF run")));
	}

	@Test
	void aModeWithoutARunIsA404ThatSaysHowToMakeOne() throws Exception {
		this.mvc.perform(get("/checker/sideways/report"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Run scripts/check.sh")));
	}

	@Test
	void nobodyCanPostToTheReports() throws Exception {
		this.mvc.perform(post("/checker/on/report")).andExpect(status().isForbidden());
	}

	@Test
	void withoutAnyRunThereIsNothingToLink() {
		CheckerRuns none = new CheckerRuns(data.resolve("nowhere"));
		assertThat(none.newestPerMode()).isEmpty();
		assertThat(none.newestReport("on")).isEmpty();
	}

	private static void run(String id, String mode, boolean valid, int duplicates, String page) throws IOException {
		Path dir = Files.createDirectories(data.resolve("checker/runs").resolve(id));
		Files.writeString(dir.resolve("result.json"),
				"{\"summary\":{\"mode\":\"" + mode + "\",\"valid\":" + valid + ",\"operations\":1200,\"duplicates\":"
						+ duplicates + ",\"lostWrites\":1,\"staleReads\":2,\"nonLinearizableKeys\":1,"
						+ "\"durationMs\":60000}}");
		Files.writeString(dir.resolve("report.html"), page);
	}

}
