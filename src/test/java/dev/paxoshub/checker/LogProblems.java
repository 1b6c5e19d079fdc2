package dev.paxoshub.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The WARN and ERROR lines of each part's log, counted by level and logger, so that a
 * slow or failed measurement can be set against what the nodes complained of.
 */
final class LogProblems {

	/** A Spring Boot log line at WARN or ERROR: its level and its logger. */
	private static final Pattern LOG_PROBLEM = Pattern
		.compile("^\\S+\\s+(WARN|ERROR)\\s+\\d+\\s+---\\s+(?:\\[[^]]*\\]\\s+)*(\\S+)\\s+:");

	private LogProblems() {
	}

	/**
	 * @param logs {@code $PAXOSHUB_DATA_DIR/logs}
	 * @return by part, "LEVEL logger" and how often
	 */
	static Map<String, Map<String, Integer>> count(Path logs) {
		Map<String, Map<String, Integer>> problems = new LinkedHashMap<>();
		for (String part : ClusterParts.ALL) {
			Path file = logs.resolve(part + ".log");
			if (!Files.exists(file)) {
				continue;
			}
			Map<String, Integer> counts = new TreeMap<>();
			try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
				lines.map(LOG_PROBLEM::matcher)
					.filter(Matcher::find)
					.forEach((m) -> counts.merge(m.group(1) + " " + m.group(2), 1, Integer::sum));
			}
			catch (IOException | UncheckedIOException ex) {
				counts.put("(log unreadable: " + ex.getMessage() + ")", 1);
			}
			problems.put(part, counts);
		}
		return problems;
	}

}
