package dev.paxoshub.checker;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import dev.paxoshub.bench.CpuUsage;
import dev.paxoshub.bench.ProgressLog;

/**
 * One consensus mode on a cluster of its own: four fresh processes on fresh data, the
 * warm-up and the load levels through the front door, the memory that left them, and (ON)
 * the failover trials. The cluster is stopped whatever failed, and a phase that fails
 * leaves the others to run.
 */
final class ModeBenchmark {

	private final String mode;

	private final ProcessBenchmarkOptions options;

	private final ProgressLog log;

	private final ModeResult result;

	/**
	 * @param mode "off" or "on"
	 */
	ModeBenchmark(String mode, ProcessBenchmarkOptions options, ProgressLog log) {
		this.mode = mode;
		this.options = options;
		this.log = log;
		this.result = new ModeResult(mode);
	}

	ModeResult run() {
		Path data = this.options.dataRoot.resolve(this.mode).toAbsolutePath();
		ClusterParts parts = new ClusterParts(data.resolve("pids"));
		ClusterScript script = new ClusterScript(Path.of("scripts/cluster.sh").toAbsolutePath(), environment(data));
		SiteClient site = new SiteClient(SignUps.REQUEST_TIMEOUT);
		SignUps signUps = new SignUps(site, this.mode);
		try {
			Map<String, URI> urls = start(script, data, parts);
			ClusterStatus status = new ClusterStatus(script, site, urls);
			status.awaitWritable(Duration.ofSeconds(120));
			say("every node writable; pids " + this.result.pids + "; partitions: " + this.result.partitions);
			load(new SignUpLoad(signUps, status.url(ClusterScript.FRONT_DOOR)), parts);
			for (String part : ClusterParts.ALL) {
				this.result.rssAfterLoad.put(part, ClusterParts.rssMb(this.result.pids.get(part)));
			}
			say("resident after the load (MB): " + this.result.rssAfterLoad);
			if ("on".equals(this.mode) && this.options.trials > 0) {
				FailoverTrials failover = new FailoverTrials(script, status, parts, signUps, this.options, this.log);
				phase("failover", parts, () -> failover.run(this.result.trials, this::fail));
			}
		}
		catch (RuntimeException | IOException ex) {
			fail("the " + this.mode + " cluster failed: " + ex);
			ex.printStackTrace();
		}
		finally {
			stop(script, signUps);
			this.result.logProblems.putAll(LogProblems.count(data.resolve("logs")));
		}
		return this.result;
	}

	private Map<String, String> environment(Path data) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PAXOSHUB_BASE_PORT", Integer.toString(this.options.basePort));
		environment.put("PAXOSHUB_DATA_DIR", data.toString());
		// Empty means "run target/paxoshub.jar" to cluster.sh, whatever the caller's
		// environment says: the benchmark measures what is shipped.
		environment.put("PAXOSHUB_CLASSPATH", "");
		// Four JVMs starting at once on a shared two-core machine can need more than
		// the script's default 120 s.
		environment.put("PAXOSHUB_START_TIMEOUT", "200");
		return environment;
	}

	/** A fresh cluster on fresh data; every part's URL. */
	private Map<String, URI> start(ClusterScript script, Path data, ClusterParts parts) throws IOException {
		if (Files.isDirectory(parts.pidFiles())) {
			// A run killed before its finally leaves processes that hold the ports.
			say("stopping what an earlier run left in " + data);
			script.run("stop");
		}
		deleteRecursively(data);
		BasePort.requireFree(this.options.basePort);
		say("cluster.sh start -- --paxoshub.consensus=" + this.mode + " (" + data + ", base port "
				+ this.options.basePort + ")");
		long t = System.nanoTime();
		String started = script.run("start", "--", "--paxoshub.consensus=" + this.mode);
		this.result.startSeconds = (System.nanoTime() - t) / 1e9;
		PartStart.lines(started).forEach(this::say);
		this.result.starts.putAll(PartStart.of(started));
		this.result.partitions = script.partitions();
		Map<String, URI> urls = script.urls();
		this.result.pids.putAll(parts.pids());
		return urls;
	}

	private void load(SignUpLoad load, ClusterParts parts) {
		phase("warm-up", parts, () -> {
			// Cold JVMs answer a first sign-up in seconds: warm by count, not only by
			// time.
			LoadLevel warm = load.run(16, Duration.ZERO, this.options.warmup, this.options.warmupSignups,
					Duration.ofSeconds(90));
			say("warm-up through the front door: " + warm.summary());
		});
		for (int clients : this.options.clients) {
			phase(clients + (clients == 1 ? " client" : " clients"), parts, () -> {
				LoadLevel level = load.run(clients, this.options.ramp, this.options.levelTime, this.options.minSignups,
						this.options.levelCap);
				this.result.levels.put(clients, level);
				this.log.say(this.mode + ", through the front door: " + level.summary());
			});
		}
	}

	private void stop(ClusterScript script, SignUps signUps) {
		try {
			long t = System.nanoTime();
			script.run("stop");
			say("cluster stopped in " + (System.nanoTime() - t) / 1_000_000 + " ms; " + signUps.used()
					+ " usernames used");
		}
		catch (RuntimeException ex) {
			fail("cluster.sh stop failed: " + ex.getMessage());
		}
	}

	/**
	 * Runs one phase, noting how busy the machine was meanwhile; a phase that fails is a
	 * note in the report, not the end of the run.
	 */
	private void phase(String name, ClusterParts parts, Runnable phase) {
		long t = System.nanoTime();
		CpuUsage before = CpuUsage.now(parts.pidFiles());
		double load = CpuUsage.loadAverage();
		try {
			phase.run();
		}
		catch (RuntimeException ex) {
			fail(name + " failed: " + ex);
			ex.printStackTrace();
		}
		String cpu = before.share(CpuUsage.now(parts.pidFiles()));
		this.result.cpu.put(name, String.format(Locale.ROOT, "%s (load average %.1f at its start)", cpu, load));
		say(name + " took " + (System.nanoTime() - t) / 1_000_000 + " ms; CPU: " + cpu);
	}

	private void fail(String note) {
		this.result.failures.add(note);
		say("FAILED " + note);
	}

	private void say(String line) {
		this.log.say(this.mode + ": " + line);
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
