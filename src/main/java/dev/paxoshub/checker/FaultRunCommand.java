package dev.paxoshub.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code java -jar paxoshub.jar --paxoshub.role=checker [--seconds=60] [--clients=16]
 * [--seed=N] [--no-faults] [--out=DIR]}, or {@code --recheck=DIR} to judge a run's files
 * again. The cluster is the one {@code scripts/cluster.sh} finds with the same
 * environment ({@code PAXOSHUB_BASE_PORT}, {@code PAXOSHUB_DATA_DIR}). Exits 0 when the
 * verdict is valid, 1 when anomalies were found, 2 when the run could not be made.
 */
public final class FaultRunCommand {

	private FaultRunCommand() {
	}

	public static void main(String[] args) throws InterruptedException {
		Map<String, String> options = options(args);
		FaultRun.Result result;
		try {
			if (options.containsKey("recheck")) {
				result = FaultRun.judge(Path.of(options.get("recheck")));
			}
			else {
				result = FaultRun.run(settings(options));
			}
		}
		catch (RuntimeException ex) {
			System.err.println("checker: " + ex.getMessage());
			System.exit(2);
			return;
		}
		VerdictText.lines(result.history(), result.verdict()).forEach(System.out::println);
		System.out.println("  report: " + result.dir().resolve("report.html").toAbsolutePath());
		System.exit(exitStatus(result.verdict().validity()));
	}

	/**
	 * 0 valid, 1 invalid, 3 unknown (2 is taken: no run could be made), so that a script
	 * expecting anomalies does not read a run it could not decide as one that found some.
	 */
	static int exitStatus(Verdict.Validity validity) {
		return switch (validity) {
			case VALID -> 0;
			case INVALID -> 1;
			case UNKNOWN -> 3;
		};
	}

	static FaultRunSettings settings(Map<String, String> options) {
		Path data = Path.of(System.getenv().getOrDefault("PAXOSHUB_DATA_DIR", "data"));
		Map<String, String> cluster = new LinkedHashMap<>();
		for (String name : new String[] { "PAXOSHUB_BASE_PORT", "PAXOSHUB_DATA_DIR", "PAXOSHUB_NET" }) {
			if (System.getenv(name) != null) {
				cluster.put(name, System.getenv(name));
			}
		}
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		Path out = Path.of(options.getOrDefault("out", "data/checker/runs/" + stamp));
		return FaultRunSettings.of(Path.of(options.getOrDefault("script", "scripts/cluster.sh")), cluster,
				operatorPassword(data), Integer.parseInt(options.getOrDefault("clients", "16")),
				Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60"))),
				Long.parseLong(options.getOrDefault("seed", Long.toString(System.nanoTime()))),
				!options.containsKey("no-faults"), out);
	}

	/** From the environment, or from the secrets file {@code scripts/cluster.sh} made. */
	static String operatorPassword(Path data) {
		String password = System.getenv("PAXOSHUB_ADMIN_PASSWORD");
		if (password != null) {
			return password;
		}
		try {
			return Files.readAllLines(data.resolve("secrets.env"))
				.stream()
				.filter((line) -> line.startsWith("PAXOSHUB_ADMIN_PASSWORD="))
				.map((line) -> line.substring("PAXOSHUB_ADMIN_PASSWORD=".length()))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No operator password in " + data.resolve("secrets.env")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Set PAXOSHUB_ADMIN_PASSWORD, or start the cluster with scripts/cluster.sh",
					ex);
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
			}
			int equals = arg.indexOf('=');
			options.put((equals > 0) ? arg.substring(2, equals) : arg.substring(2),
					(equals > 0) ? arg.substring(equals + 1) : "");
		}
		options.remove("paxoshub.role");
		return options;
	}

}
