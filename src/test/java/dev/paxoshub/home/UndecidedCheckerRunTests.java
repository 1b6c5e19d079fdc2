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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A checker run with no anomaly but some account the search could not decide: the home
 * calls it undecided, neither valid nor a list of anomalies.
 */
@SpringBootTest(classes = { HomeApplication.class, StoryPageControllerTests.TwoClusters.class },
		properties = { "paxoshub.admin.password=operator-password-for-tests", "paxoshub.role=home",
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@AutoConfigureMockMvc
class UndecidedCheckerRunTests {

	@TempDir
	static Path data;

	@Autowired
	private MockMvc mvc;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("paxoshub.data-dir", () -> data.toString());
	}

	@BeforeAll
	static void twoUndecidedRuns() throws IOException {
		run("20261203-100000-on", "on", 2);
		run("20261203-100500-off", "off", 1);
	}

	@Test
	void theHomeSaysHowManyAccountsCouldNotBeFullyChecked() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("undecided: no anomaly found, but 2 accounts could not be fully checked")))
			.andExpect(content()
				.string(containsString("undecided: no anomaly found, but 1 account could not be fully checked")))
			.andExpect(content().string(not(containsString("valid: no anomaly in"))))
			.andExpect(content().string(not(containsString("anomalies found"))));
	}

	@Test
	void theValidityWrittenBesideTheOldFlagIsTheOneRead() {
		assertThat(new CheckerRuns(data).newestPerMode().get("on")).satisfies((run) -> {
			assertThat(run.validity()).isEqualTo(CheckerRuns.Validity.UNKNOWN);
			assertThat(run.undecidedKeys()).isEqualTo(2);
		});
	}

	/** As the checker writes it now: {@code valid} false, {@code validity} UNKNOWN. */
	private static void run(String id, String mode, int undecided) throws IOException {
		Path dir = Files.createDirectories(data.resolve("checker/runs").resolve(id));
		Files.writeString(dir.resolve("result.json"),
				"{\"summary\":{\"mode\":\"" + mode + "\",\"valid\":false,\"validity\":\"UNKNOWN\","
						+ "\"operations\":1200,\"duplicates\":0,\"lostWrites\":0,\"staleReads\":0,"
						+ "\"nonLinearizableKeys\":0,\"undecidedKeys\":" + undecided + ",\"durationMs\":60000}}");
		Files.writeString(dir.resolve("report.html"), "<p>an undecided run</p>");
	}

}
