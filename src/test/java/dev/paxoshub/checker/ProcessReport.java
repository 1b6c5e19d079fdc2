package dev.paxoshub.checker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.paxoshub.bench.CpuUsage;
import dev.paxoshub.bench.Figures;
import dev.paxoshub.bench.Markdown;
import dev.paxoshub.bench.ProgressLog;
import dev.paxoshub.bench.ReportHeader;

/**
 * The process benchmark's Markdown report: OFF and ON side by side in the headline
 * tables, then what each mode logged, so that a figure can be read with what the machine
 * was doing at the time.
 */
final class ProcessReport {

	private final ProcessBenchmarkOptions options;

	private final ProgressLog log;

	ProcessReport(ProcessBenchmarkOptions options, ProgressLog log) {
		this.options = options;
		this.log = log;
	}

	String write(BcryptCost hashing, Map<String, ModeResult> results, Duration took) {
		ModeResult off = results.getOrDefault("off", new ModeResult("off"));
		ModeResult on = results.getOrDefault("on", new ModeResult("on"));
		StringBuilder md = header(off, on, took);
		signUps(md, off, on);
		hashing(md, hashing, off, on);
		failover(md, on);
		startUp(md, off, on);
		md.append("## Details\n\n");
		results.values().forEach((result) -> details(md, result));
		md.append("## Progress log\n\n```\n");
		this.log.lines().forEach((line) -> md.append(line).append('\n'));
		md.append("```\n");
		return md.toString();
	}

	private StringBuilder header(ModeResult off, ModeResult on, Duration took) {
		Path jar = Path.of("target", "paxoshub.jar");
		String javaOptions = System.getenv("PAXOSHUB_JAVA_OPTS");
		StringBuilder md = ReportHeader.start("paxoshub process benchmark");
		md.append("; java ").append(System.getProperty("java.runtime.version")).append('\n');
		md.append(ReportHeader.run(this.options.quick, took, this.options));
		md.append("- each part its own JVM, started by `scripts/cluster.sh start -- --paxoshub.consensus=<mode>` from ")
			.append(jar)
			.append(" (built ")
			.append(modified(jar))
			.append("), base port ")
			.append(this.options.basePort)
			.append(", partitions by ")
			.append(Figures.orNa((on.partitions != null) ? on.partitions : off.partitions))
			.append(", node JVM options ")
			.append((javaOptions == null || javaOptions.isBlank()) ? "none beyond cluster.sh's (full tiered JIT)"
					: "PAXOSHUB_JAVA_OPTS=" + javaOptions)
			.append("; a fresh data directory and cluster for each mode\n");
		md.append("- the benchmark's clients (this JVM) share the same CPUs with the four processes and with whatever "
				+ "else the machine runs: see CPU by phase in the details\n\n");
		return md;
	}

	private void signUps(StringBuilder md, ModeResult off, ModeResult on) {
		md.append("## Sign-up end to end through the front door\n\n");
		md.append("`POST /api/accounts` {username, email, password} to the front door, which forwards it to a node; "
				+ "the node hashes the password (BCrypt) and claims the name (OFF: its own database, replicated to "
				+ "its peers afterwards; ON: a Raft commit). Closed loop: each client sends its next sign-up when the "
				+ "last one is answered, every username new. After at least ")
			.append(Figures.seconds(this.options.warmup))
			.append(" s and ")
			.append(this.options.warmupSignups)
			.append(" sign-ups of warm-up at 16 clients, each level runs ")
			.append(Figures.seconds(this.options.ramp))
			.append(" s unmeasured, then at least ")
			.append(Figures.seconds(this.options.levelTime))
			.append(" s and ")
			.append(this.options.minSignups)
			.append(" acknowledged sign-ups (at most ")
			.append(Figures.seconds(this.options.levelCap))
			.append(" s). Latency: request sent to 201 received.\n\n");
		md.append(
				"| clients | OFF p50 (ms) | OFF p99 (ms) | OFF sign-ups/s | ON p50 (ms) | ON p99 (ms) | ON sign-ups/s "
						+ "| ON/OFF p50 | samples OFF / ON | errors OFF / ON |\n");
		md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (int clients : this.options.clients) {
			LoadLevel o = off.levels.get(clients);
			LoadLevel n = on.levels.get(clients);
			md.append(Markdown.row(clients, Figures.msToTenths(percentile(o, 50)),
					Figures.msToTenths(percentile(o, 99)), rate(o), Figures.msToTenths(percentile(n, 50)),
					Figures.msToTenths(percentile(n, 99)), rate(n), Figures.ratio(percentile(n, 50), percentile(o, 50)),
					count(o) + " / " + count(n), errors(o) + " / " + errors(n)));
		}
		md.append('\n');
	}

	private void hashing(StringBuilder md, BcryptCost hashing, ModeResult off, ModeResult on) {
		double hash = hashing.times().percentileMs(50);
		double oneOff = percentile(off.levels.get(1), 50);
		double oneOn = percentile(on.levels.get(1), 50);
		md.append("## Password hashing on its own\n\n");
		md.append("One `BCryptPasswordEncoder().encode` (Spring Security's default, what `BcryptPasswords` and so "
				+ "every sign-up does: ")
			.append(hashing.prefix())
			.append(", strength ")
			.append(hashing.strength())
			.append(") timed ")
			.append(hashing.times().count())
			.append(" times in the benchmark JVM before any cluster ran (")
			.append(hashing.cpu())
			.append("): median ")
			.append(Figures.msToTenths(hash))
			.append(" ms, min ")
			.append(Figures.msToTenths(hashing.times().percentileMs(0)))
			.append(", p90 ")
			.append(Figures.msToTenths(hashing.times().percentileMs(90)))
			.append(". The node hashes before it claims, so at 1 client the rest of the p50 is HTTP, the front "
					+ "door's hop, validation, the store and OFF's replication or ON's Raft commit.\n\n");
		md.append("| at 1 client | OFF | ON |\n|---|---:|---:|\n");
		md.append(Markdown.row("sign-up p50 through the front door (ms)", Figures.msToTenths(oneOff),
				Figures.msToTenths(oneOn)));
		md.append(Markdown.row("one BCrypt encode, median (ms)", Figures.msToTenths(hash), Figures.msToTenths(hash)));
		md.append(Markdown.row("sign-up p50 minus hashing (ms)", Figures.msToTenths(oneOff - hash),
				Figures.msToTenths(oneOn - hash)));
		md.append(Markdown.row("hashing's share of the sign-up p50", Figures.percent(hash / oneOff),
				Figures.percent(hash / oneOn)));
		md.append(Markdown.row("cost of consensus: ON p50 − OFF p50 (ms)", "", Figures.msToTenths(oneOn - oneOff)))
			.append('\n');
	}

	private void failover(StringBuilder md, ModeResult on) {
		md.append("## Leader failover after kill -9 (consensus ON)\n\n");
		md.append("Each trial: the leader is asked of `scripts/cluster.sh leader`; a writer sends a sign-up "
				+ "directly to a survivor node (its URL from `cluster.sh urls`, not through the front door) every ")
			.append(this.options.probeInterval.toMillis())
			.append(" ms whatever the earlier ones are doing (at most ")
			.append(FailoverTrials.MAX_IN_FLIGHT)
			.append(" in flight); after 1 s of that the benchmark sends SIGKILL to the leader's JVM itself "
					+ "(`ProcessHandle.of(pid).destroyForcibly()`, pid from `$PAXOSHUB_DATA_DIR/pids/<node>.pid`), "
					+ "taking the time just before the call, so no script start-up is in the figure. **Measured: "
					+ "from that SIGKILL to the 201 of the first sign-up through the survivor that was sent after "
					+ "it**, so it includes that sign-up's own BCrypt and round trip and up to one writer interval "
					+ "before it was sent. Then `cluster.sh start <leader>` brings the node back, and the next trial "
					+ "waits until all three are writable and ")
			.append(Figures.seconds(this.options.settle))
			.append(" s more.\n\n");
		md.append("| trial | leader killed | writes through | kill → first ack (ms) | that sign-up sent after the "
				+ "kill (ms) | its own latency (ms) | last ack before the kill (ms before) | failed sign-ups in "
				+ "between | process gone after (ms) | new leader | term | killed node serves again after (s) |\n");
		md.append("|---:|---|---|---:|---:|---:|---:|---|---:|---|---|---:|\n");
		for (FailoverTrial t : on.trials) {
			SurvivorWrites writes = t.writes;
			md.append(Markdown.row(t.number, t.leader, t.survivor, Figures.msToTenths(writes.ackMillis()),
					Figures.msToTenths(writes.sentAfterMillis()), Figures.msToTenths(writes.ownMillis()),
					Figures.msToTenths(writes.lastAckBeforeMillis()),
					writes.failures().isEmpty() ? "none" : writes.failures().toString(),
					Figures.msToTenths(t.goneMillis), Figures.orNa(t.newLeader), t.termBefore + " → " + t.termAfter,
					Figures.tenths(t.restartServesSeconds)));
		}
		// A trial with no acknowledged sign-up counts as the slowest, not as none.
		double[] acks = on.trials.stream()
			.mapToDouble((t) -> Double.isNaN(t.writes.ackMillis()) ? Double.POSITIVE_INFINITY : t.writes.ackMillis())
			.sorted()
			.toArray();
		double median = median(acks);
		md.append("\n| kill → first ack | measured | target | verdict |\n|---|---:|---:|---|\n");
		md.append(Markdown.row("median / min / max over " + acks.length + " trials",
				(acks.length == 0) ? "n/a"
						: Figures.msToTenths(median) + " / " + Figures.msToTenths(acks[0]) + " / "
								+ Figures.msToTenths(acks[acks.length - 1]) + " ms",
				"≤ 500 ms", (acks.length == 0) ? "n/a" : (median <= 500) ? "**PASS**" : "**MISS**"))
			.append('\n');
	}

	private void startUp(StringBuilder md, ModeResult off, ModeResult on) {
		md.append("## Start-up time and memory of each process\n\n");
		md.append("`cluster.sh start` launches all four at once and prints, for each part, when it serves (a node: "
				+ "it answers and is writable; the front door: it answers) and its RSS then. RSS after the load is "
				+ "VmRSS from `/proc/<pid>/status` after the last sign-up level (before the failover trials).\n\n");
		md.append(
				"| part | OFF serves after (s) | OFF RSS at start (MB) | OFF RSS after load (MB) | ON serves after (s) "
						+ "| ON RSS at start (MB) | ON RSS after load (MB) |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (String part : ClusterParts.ALL) {
			List<Object> cells = new ArrayList<>(List.of(part));
			for (ModeResult r : List.of(off, on)) {
				PartStart start = r.starts.get(part);
				cells.add((start != null) ? Figures.tenths(start.seconds()) : "n/a");
				cells.add(Figures.mb((start != null) ? start.rssMb() : Double.NaN));
				cells.add(Figures.mb(r.rssAfterLoad.getOrDefault(part, Double.NaN)));
			}
			md.append(Markdown.row(cells.toArray()));
		}
		List<Object> all = new ArrayList<>(List.of("all four"));
		for (ModeResult r : List.of(off, on)) {
			all.add(Figures.tenths(r.startSeconds) + " (the whole start call)");
			all.add(Figures.mb(r.starts.values().stream().mapToDouble(PartStart::rssMb).sum()));
			all.add(Figures.mb(r.rssAfterLoad.values().stream().mapToDouble(Double::doubleValue).sum()));
		}
		md.append(Markdown.row(all.toArray())).append('\n');
	}

	private static void details(StringBuilder md, ModeResult r) {
		md.append("### ").append(r.mode.toUpperCase(Locale.ROOT)).append("\n\n");
		md.append("- pids: ").append(r.pids).append('\n');
		md.append(CpuUsage.byPhase(r.cpu, "\"ours\" is the four parts and this JVM"));
		r.levels.values().forEach((level) -> md.append("- ").append(level.summary()).append('\n'));
		for (FailoverTrial t : r.trials) {
			md.append("- failover trial ").append(t).append('\n');
		}
		r.logProblems.forEach((part, counts) -> md.append("- ")
			.append(part)
			.append("'s log, WARN/ERROR lines by logger: ")
			.append(counts.isEmpty() ? "none" : top(counts, 8))
			.append('\n'));
		for (String failure : r.failures) {
			md.append("- NOTE: ").append(failure).append('\n');
		}
		md.append('\n');
	}

	private static double percentile(LoadLevel level, int p) {
		return (level != null) ? level.latency.percentileMs(p) : Double.NaN;
	}

	private static String rate(LoadLevel level) {
		return (level != null) ? level.rate() : "n/a";
	}

	private static Object count(LoadLevel level) {
		return (level != null) ? level.latency.count() : "n/a";
	}

	private static Object errors(LoadLevel level) {
		return (level != null) ? level.errorCount() : "n/a";
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		if (n == 0) {
			return Double.NaN;
		}
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** The most frequent first. */
	private static String top(Map<String, Integer> counts, int limit) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.map((e) -> e.getValue() + "× " + e.getKey())
			.collect(Collectors.joining(", "));
	}

	private static String modified(Path file) {
		try {
			return Instant.ofEpochMilli(Files.getLastModifiedTime(file).toMillis()).toString();
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
