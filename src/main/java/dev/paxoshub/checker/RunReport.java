package dev.paxoshub.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's result, written twice: {@code result.json} for scripts and CI (the summary and
 * the whole verdict) and {@code report.html} for people. The page is self-contained (its
 * CSS and charts inline, no script, nothing fetched) so that it opens from disk, from a
 * CI artifact or an email, years later.
 */
public final class RunReport {

	static final String RESULT = "result.json";

	static final String PAGE = "report.html";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private RunReport() {
	}

	/** The file's shape: the summary first, since that is what a reader looks for. */
	@JsonPropertyOrder({ "summary", "verdict" })
	record Result(RunSummary summary, Verdict verdict) {
	}

	/**
	 * Writes both files into {@code dir}, creating it if need be.
	 * @param finalState what the nodes held after healing, or null when the run did not
	 * get that far
	 */
	public static void write(Path dir, History history, FinalState finalState, Verdict verdict) {
		RunSummary summary = RunSummary.of(history, finalState, verdict);
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(RESULT), JSON.writeValueAsString(new Result(summary, verdict)),
					StandardCharsets.UTF_8);
			Files.writeString(dir.resolve(PAGE), ReportPage.render(history, finalState, verdict, summary),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
