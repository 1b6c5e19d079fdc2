package dev.paxoshub.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.paxoshub.node.PaxoshubProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The fault checker's runs, as {@code scripts/check.sh} leaves them under
 * {@code <data-dir>/checker/runs/}: the home links the newest of each mode. Read from the
 * files each time, since the checker runs as another program; a run without a readable
 * {@code result.json} and {@code report.html} is not one.
 */
@Component
class CheckerRuns {

	static final String RESULT = "result.json";

	static final String REPORT = "report.html";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path runs;

	@Autowired
	CheckerRuns(PaxoshubProperties properties) {
		this(properties.dataDir());
	}

	CheckerRuns(Path dataDir) {
		this.runs = dataDir.resolve("checker").resolve("runs");
	}

	/** The newest run of each mode, ON first. */
	Map<String, CheckerRun> newestPerMode() {
		Map<String, CheckerRun> newest = new LinkedHashMap<>();
		all().sorted(Comparator.comparing(CheckerRun::id).reversed())
			.forEach((run) -> newest.putIfAbsent(run.mode(), run));
		Map<String, CheckerRun> ordered = new LinkedHashMap<>();
		Stream.of("on", "off").filter(newest::containsKey).forEach((mode) -> ordered.put(mode, newest.get(mode)));
		newest.forEach(ordered::putIfAbsent);
		return ordered;
	}

	Optional<Path> newestReport(String mode) {
		return Optional.ofNullable(newestPerMode().get(mode)).map((run) -> this.runs.resolve(run.id()).resolve(REPORT));
	}

	private Stream<CheckerRun> all() {
		if (!Files.isDirectory(this.runs)) {
			return Stream.empty();
		}
		try (Stream<Path> dirs = Files.list(this.runs)) {
			return dirs.filter((dir) -> Files.isRegularFile(dir.resolve(REPORT)))
				.map(CheckerRuns::read)
				.flatMap(Optional::stream)
				.toList()
				.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<CheckerRun> read(Path dir) {
		try {
			JsonNode summary = JSON.readTree(Files.readString(dir.resolve(RESULT))).path("summary");
			String mode = summary.path("mode").asString(null);
			if (mode == null) {
				return Optional.empty();
			}
			return Optional.of(new CheckerRun(dir.getFileName().toString(), mode, Validity.of(summary),
					summary.path("operations").asInt(), summary.path("duplicates").asInt(),
					summary.path("lostWrites").asInt(), summary.path("staleReads").asInt(),
					summary.path("nonLinearizableKeys").asInt(), summary.path("undecidedKeys").asInt(),
					summary.path("durationMs").asDouble() / 1000));
		}
		catch (IOException | JacksonException ex) {
			return Optional.empty();
		}
	}

	/** One run, as the home page mentions it. */
	record CheckerRun(String id, String mode, Validity validity, int operations, int duplicates, int lostWrites,
			int staleReads, int nonLinearizableKeys, int undecidedKeys, double seconds) {
	}

	/**
	 * The checker's verdict: UNKNOWN when it found no anomaly but could not decide some
	 * account. Read from the summary's {@code validity}, or from its {@code valid} alone
	 * in a result.json written before the checker knew UNKNOWN.
	 */
	enum Validity {

		VALID, INVALID, UNKNOWN;

		static Validity of(JsonNode summary) {
			String written = summary.path("validity").asString(null);
			for (Validity validity : values()) {
				if (validity.name().equals(written)) {
					return validity;
				}
			}
			return summary.path("valid").asBoolean() ? VALID : INVALID;
		}

	}

}
