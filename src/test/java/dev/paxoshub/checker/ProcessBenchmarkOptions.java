package dev.paxoshub.checker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.paxoshub.bench.CommandLine;
import dev.paxoshub.bench.Figures;

/** The process benchmark's command line; --quick shortens everything. */
final class ProcessBenchmarkOptions {

	static final String USAGE = """
			usage: ProcessBenchmark [--quick] [--mode=both|on|off] [--clients=1,16,64]
			                        [--seconds=S] [--min-signups=N] [--level-cap-seconds=S]
			                        [--ramp-seconds=S] [--warmup-seconds=S] [--warmup-signups=N]
			                        [--hash-samples=N]
			                        [--trials=N] [--probe-interval-ms=N] [--settle-seconds=S]
			                        [--base-port=8590] [--data-dir=target/bench/processes]
			                        [--out=target/bench/processes.md]
			  each level runs --seconds and until --min-signups sign-ups were acknowledged, at most
			  --level-cap-seconds; --trials kill -9 failover trials (ON); the cluster takes the base
			  port and the three above it, Raft a thousand above those (8580 would share the
			  demo's 8080 namespace subnet: cluster.sh gives 10.77.(port % 250).0/24)
			""";

	final boolean help;

	final boolean quick;

	/** "off" and "on", as {@code --paxoshub.consensus} takes them. */
	final List<String> modes;

	final int[] clients;

	final Duration levelTime;

	final int minSignups;

	final Duration levelCap;

	final Duration ramp;

	final Duration warmup;

	final int warmupSignups;

	final int hashSamples;

	final int trials;

	final Duration probeInterval;

	final Duration settle;

	final int basePort;

	final Path dataRoot;

	final Path out;

	private ProcessBenchmarkOptions(CommandLine line) {
		this.help = line.help();
		this.quick = line.quick();
		this.modes = line.modes().stream().map((mode) -> mode.name().toLowerCase(Locale.ROOT)).toList();
		this.clients = line.clients();
		this.levelTime = line.seconds("--seconds", Duration.ofSeconds(this.quick ? 4 : 12));
		this.minSignups = line.integer("--min-signups", this.quick ? 40 : 200);
		this.levelCap = line.seconds("--level-cap-seconds", Duration.ofSeconds(this.quick ? 20 : 60));
		this.ramp = line.seconds("--ramp-seconds", Duration.ofSeconds(this.quick ? 1 : 2));
		this.warmup = line.seconds("--warmup-seconds", Duration.ofSeconds(this.quick ? 4 : 10));
		this.warmupSignups = line.integer("--warmup-signups", this.quick ? 100 : 300);
		this.hashSamples = line.integer("--hash-samples", this.quick ? 10 : 30);
		this.trials = line.integer("--trials", this.quick ? 2 : 5);
		this.probeInterval = line.millis("--probe-interval-ms", Duration.ofMillis(100));
		this.settle = line.seconds("--settle-seconds", Duration.ofSeconds(this.quick ? 1 : 3));
		this.basePort = line.integer("--base-port", 8590);
		this.dataRoot = line.path("--data-dir", Path.of("target", "bench", "processes"));
		this.out = line.path("--out", Path.of("target", "bench", "processes.md"));
		line.refuseUnknown(USAGE);
	}

	static ProcessBenchmarkOptions parse(String[] args) {
		return new ProcessBenchmarkOptions(new CommandLine(args));
	}

	@Override
	public String toString() {
		return "modes " + this.modes + ", clients " + Arrays.toString(this.clients) + ", each level "
				+ Figures.seconds(this.ramp) + " s ramp + ≥ " + Figures.seconds(this.levelTime) + " s and ≥ "
				+ this.minSignups + " sign-ups (cap " + Figures.seconds(this.levelCap) + " s), warm-up ≥ "
				+ Figures.seconds(this.warmup) + " s and ≥ " + this.warmupSignups + " sign-ups at 16 clients, "
				+ this.hashSamples + " BCrypt samples, " + this.trials + " kill -9 trials (writer every "
				+ this.probeInterval.toMillis() + " ms), base port " + this.basePort;
	}

}
