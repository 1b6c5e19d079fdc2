package dev.paxoshub.checker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.paxoshub.bench.BenchmarkExit;
import dev.paxoshub.bench.ProgressLog;

/**
 * The claims of the README measured on real processes: Morpheus, Neo, Trinity and the
 * front door as four JVMs started by {@code scripts/cluster.sh} from
 * {@code target/paxoshub.jar}, first with consensus OFF and then ON, each on a fresh
 * cluster with fresh data. A plain {@code main}, not a test; {@code scripts/bench.sh}
 * runs it after the in-JVM claim benchmark.
 * <ol>
 * <li>sign-ups end to end through the front door ({@code POST /api/accounts}, BCrypt
 * included) at 1, 16 and 64 concurrent clients: p50, p99, sign-ups per second;</li>
 * <li>one BCrypt encode on its own, in this JVM, so the sign-up minus its hashing shows
 * what the rest (and consensus) costs;</li>
 * <li>(ON) leader failover after a real SIGKILL of the leader's process: from the kill to
 * the first acknowledged sign-up through a survivor that was sent after it;</li>
 * <li>start-up time and resident memory of each process, at start and after the
 * load.</li>
 * </ol>
 * Prints a Markdown report and writes it to {@code target/bench/processes.md}. The
 * clusters are always stopped, also when a measurement fails.
 */
public final class ProcessBenchmark {

	private final ProcessBenchmarkOptions options;

	private final ProgressLog log = new ProgressLog("process-bench");

	private ProcessBenchmark(ProcessBenchmarkOptions options) {
		this.options = options;
	}

	public static void main(String[] args) {
		ProcessBenchmarkOptions options;
		try {
			options = ProcessBenchmarkOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		if (options.help) {
			System.out.println(ProcessBenchmarkOptions.USAGE);
			return;
		}
		BenchmarkExit.after(new ProcessBenchmark(options)::run);
	}

	/**
	 * @return whether every measurement ran
	 */
	private boolean run() throws IOException {
		long started = System.nanoTime();
		this.log.say("options: " + this.options);
		// Before any cluster runs, so the figure is BCrypt's and not the machine's
		// queue.
		BcryptCost hashing = BcryptCost.measure(this.options.hashSamples);
		this.log.say(String.format(Locale.ROOT, "one BCrypt encode (%s, strength %d) in this JVM: median %.1f ms (%s)",
				hashing.prefix(), hashing.strength(), hashing.times().percentileMs(50), hashing.cpu()));
		Map<String, ModeResult> results = new LinkedHashMap<>();
		for (String mode : this.options.modes) {
			results.put(mode, new ModeBenchmark(mode, this.options, this.log).run());
		}
		String report = new ProcessReport(this.options, this.log).write(hashing, results,
				Duration.ofNanos(System.nanoTime() - started));
		Path out = this.options.out.toAbsolutePath();
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println();
		System.out.println("==================== paxoshub process benchmark ====================");
		System.out.println(report);
		System.out.println("(written to " + this.options.out + ")");
		return results.values().stream().allMatch((result) -> result.failures.isEmpty());
	}

}
