package dev.paxoshub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.UsernameTakenException;
import dev.paxoshub.demo.ApiClient;

import org.springframework.web.ErrorResponseException;

/**
 * Claim benchmark: the same cluster with consensus OFF and then ON, measured the same
 * way. A plain {@code main}, not a test; run it with {@code scripts/bench.sh}.
 * <ol>
 * <li>claim latency, one sequential client, through the Raft leader's node and through a
 * follower's: the consensus boundary itself ({@link Consensus#register}, no HTTP,
 * password hashed once) and a real sign-up over HTTP (BCrypt included);</li>
 * <li>throughput of {@link Consensus#register} with 1, 16 and 64 concurrent clients
 * spread round-robin over the three nodes;</li>
 * <li>(ON) leader failover: stop the leader's node and time how long writes through a
 * survivor fail.</li>
 * </ol>
 * Prints a Markdown report and writes it to {@code target/bench/claims.md}.
 */
public final class ClaimBenchmark {

	private final Options options;

	private final ProgressLog log = new ProgressLog("bench");

	private ClaimBenchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		if (options.help) {
			System.out.println(Options.USAGE);
			return;
		}
		// A failed measurement is a note in the report, not a failed run.
		BenchmarkExit.after(() -> {
			new ClaimBenchmark(options).run();
			return true;
		});
	}

	private void run() throws IOException {
		long started = System.nanoTime();
		say("options: " + this.options);
		say("BCrypt hash computed once for all Consensus.register claims");
		if (!Double.isNaN(this.options.waitForLoad)) {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(this.options.waitMaxMinutes);
			while (CpuUsage.loadAverage() >= this.options.waitForLoad && System.nanoTime() < deadline) {
				Pause.millis(5000);
			}
			double load = CpuUsage.loadAverage();
			say("load average " + load + (load < this.options.waitForLoad ? " is below " : " is still not below ")
					+ this.options.waitForLoad + "; starting");
			started = System.nanoTime();
		}
		Map<ConsensusMode, ModeResult> results = new LinkedHashMap<>();
		for (ConsensusMode mode : this.options.modes) {
			results.put(mode, measure(mode));
		}
		String report = report(results, Duration.ofNanos(System.nanoTime() - started));
		Files.createDirectories(this.options.out.toAbsolutePath().getParent());
		Files.writeString(this.options.out, report);
		System.out.println();
		System.out.println("==================== paxoshub claim benchmark ====================");
		System.out.println(report);
		System.out.println("(written to " + this.options.out + ")");
	}

	// ---------------------------------------------------------------- one mode

	private ModeResult measure(ConsensusMode mode) {
		String label = mode.name();
		ModeResult result = new ModeResult(mode);
		say(label + ": starting three nodes and the front door in a fresh temp dir");
		BenchCluster bench = null;
		try {
			bench = BenchCluster.start(mode, this.options.clusterArgs, this.options.h2TraceOff);
			result.startTook = bench.startTook;
			say(label + ": contexts up in " + bench.startTook.toMillis() + " ms (" + bench.dataDir + ")");
			Duration writable = bench.awaitWritableOverHttp(Duration.ofSeconds(180));
			result.writableAfter = bench.startTook.plus(writable);
			say(label + ": every node reports consensus.writable=true over HTTP after "
					+ result.writableAfter.toMillis() + " ms from start");
			bench.awaitHealthy(Duration.ofSeconds(120));
			say(label + ": every node took a first claim");
			result.settings = bench.settings(BenchCluster.NODES.get(0));
			say(label + ": settings " + result.settings);

			BenchCluster cluster = bench;
			phase(result, "leader detection", () -> pickNodes(cluster, result));
			phase(result, "register latency", () -> registerLatency(cluster, result));
			phase(result, "HTTP sign-up latency", () -> httpLatency(cluster, result));
			phase(result, "throughput", () -> throughput(cluster, result));
			if (mode == ConsensusMode.ON) {
				if (this.options.trials > 0) {
					phase(result, "failover (graceful stop)", () -> failover(cluster, result, false));
				}
				if (this.options.crashTrials > 0) {
					phase(result, "failover (crash-like)", () -> failover(cluster, result, true));
				}
			}
		}
		catch (RuntimeException ex) {
			result.notes.add("the " + label + " cluster failed: " + ex);
			say(label + ": FAILED " + ex);
			ex.printStackTrace();
		}
		finally {
			if (bench != null) {
				result.claimsMade = bench.namesUsed();
				result.h2TraceBytes = bench.h2TraceBytes();
				say(label + ": stopping the cluster (" + result.claimsMade + " usernames used, H2 trace files "
						+ result.h2TraceBytes / (1024 * 1024) + " MB)");
				long t = System.nanoTime();
				bench.close();
				result.closeTook = Duration.ofNanos(System.nanoTime() - t);
				say(label + ": cluster stopped in " + result.closeTook.toMillis() + " ms");
			}
		}
		return result;
	}

	private void phase(ModeResult result, String name, Runnable phase) {
		long t = System.nanoTime();
		result.loads.add(CpuUsage.loadAverage());
		CpuUsage cpuBefore = CpuUsage.now();
		try {
			phase.run();
		}
		catch (RuntimeException ex) {
			result.notes.add(name + " failed: " + ex);
			say(result.mode + ": " + name + " FAILED " + ex);
			ex.printStackTrace();
		}
		String cpu = cpuBefore.share(CpuUsage.now());
		result.cpu.put(name, cpu);
		say(result.mode + ": " + name + " took " + Duration.ofNanos(System.nanoTime() - t).toMillis() + " ms; CPU: "
				+ cpu);
	}

	private void pickNodes(BenchCluster bench, ModeResult result) {
		if (bench.mode == ConsensusMode.OFF) {
			result.leader = result.follower = BenchCluster.NODES.get(0);
			result.leaderMethod = "none (OFF has no leader: both rows are " + result.leader + ")";
			return;
		}
		// Always time each node: it is the fallback, and a cross-check of the other
		// methods.
		result.timingP50 = bench.timeEachNode(this.options.timingClaims);
		List<String> bySpeed = new ArrayList<>(result.timingP50.keySet());
		say("ON: p50 of " + this.options.timingClaims + " claims per node: " + fmtMap(result.timingP50));
		boolean roleField = bench.roleOverHttp();
		Optional<String> byRole = roleField ? bench.leaderByRole() : Optional.empty();
		Optional<String> byAtomix = bench.leaderByAtomix();
		result.roleField = roleField;
		if (byRole.isPresent()) {
			result.leader = byRole.get();
			result.leaderMethod = "consensus.role in /api/node/accounts";
		}
		else if (byAtomix.isPresent()) {
			result.leader = byAtomix.get();
			result.leaderMethod = "no consensus.role in /api/node/accounts"
					+ (roleField ? " naming a single leader" : "") + "; leader read from Atomix "
					+ "(RaftServer.isLeader() of the data partition, by reflection)";
		}
		else {
			result.leader = bySpeed.get(0);
			result.leaderMethod = "GUESSED by timing (no consensus.role, Atomix internals unreadable): "
					+ "fastest node called leader, slowest called follower";
		}
		if (result.leaderMethod.startsWith("GUESSED")) {
			result.follower = bySpeed.get(bySpeed.size() - 1);
		}
		else {
			String leader = result.leader;
			// The slower follower by timing, so the row shows the follower path at its
			// most typical.
			result.follower = bySpeed.stream().filter((n) -> !n.equals(leader)).reduce((a, b) -> b).orElseThrow();
		}
		byAtomix.ifPresent((l) -> result.atomixLeader = l);
		result.timingAgrees = bySpeed.get(0).equals(result.leader);
		say("ON: leader " + result.leader + ", follower " + result.follower + " — " + result.leaderMethod);
	}

	private void registerLatency(BenchCluster bench, ModeResult result) {
		result.regLeader = registerSeries(bench, result.leader, this.options.warmup, this.options.samples, result);
		say(result.mode + ": register via " + result.leader + ": " + result.regLeader.summary());
		if (result.follower.equals(result.leader)) {
			result.regFollower = result.regLeader;
		}
		else {
			result.regFollower = registerSeries(bench, result.follower, this.options.warmup, this.options.samples,
					result);
			say(result.mode + ": register via " + result.follower + ": " + result.regFollower.summary());
		}
		if (bench.mode == ConsensusMode.ON) {
			result.rawLeader = rawPutIfAbsent(bench, result.leader, result);
			if (result.rawLeader != null) {
				say("ON: bare Raft putIfAbsent via " + result.leader + ": " + result.rawLeader.summary());
			}
			Optional<String> now = bench.leaderByRole().or(bench::leaderByAtomix);
			if (now.isPresent() && !now.get().equals(result.leader)) {
				result.notes
					.add("the leader changed from " + result.leader + " to " + now.get() + " during the latency runs");
			}
		}
	}

	/**
	 * The Raft part of a claim alone: putIfAbsent on the node's Atomix map with an
	 * encoded account, without RaftConsensus's checks or the write to the node's own
	 * database. Null if the map cannot be reached.
	 */
	private Samples rawPutIfAbsent(BenchCluster bench, String node, ModeResult result) {
		io.atomix.core.map.AsyncAtomicMap<String, String> map = bench.raftAccounts(node);
		if (map == null) {
			result.notes.add("bare Raft putIfAbsent not measured: " + node + " has no accounts map");
			return null;
		}
		Samples out = new Samples();
		long cap = System.nanoTime() + this.options.seriesCap.toNanos();
		int total = this.options.warmup + this.options.samples;
		for (int i = 0; i < total && System.nanoTime() < cap; i++) {
			dev.paxoshub.store.Account account = bench.newAccount(node);
			String value = bench.encode(node, account);
			long t = System.nanoTime();
			try {
				map.putIfAbsent(account.getUsernameKey(), value).get(5, TimeUnit.SECONDS);
				if (i >= this.options.warmup) {
					out.add(System.nanoTime() - t);
				}
			}
			catch (Exception ex) {
				result.errors.merge("bare putIfAbsent via " + node + ": " + ex.getClass().getSimpleName(), 1,
						Integer::sum);
			}
		}
		return out;
	}

	private Samples registerSeries(BenchCluster bench, String node, int warmup, int samples, ModeResult result) {
		Consensus consensus = bench.consensus(node);
		Samples out = new Samples();
		int errors = 0;
		long cap = System.nanoTime() + this.options.seriesCap.toNanos();
		for (int i = 0; i < warmup + samples; i++) {
			if (System.nanoTime() > cap) {
				result.notes.add(String.format("register series via %s cut at the %d s cap after %d of %d claims", node,
						this.options.seriesCap.toSeconds(), i, warmup + samples));
				break;
			}
			long t = System.nanoTime();
			try {
				consensus.register(bench.newAccount(node));
				if (i >= warmup) {
					out.add(System.nanoTime() - t);
				}
			}
			catch (RuntimeException ex) {
				errors++;
				result.errors.merge("register latency via " + node + ": " + kind(ex), 1, Integer::sum);
			}
		}
		if (errors > 0) {
			say(result.mode + ": " + errors + " failed claims via " + node);
		}
		return out;
	}

	private void httpLatency(BenchCluster bench, ModeResult result) {
		result.httpLeader = httpSeries(bench, result.leader, result);
		say(result.mode + ": sign-up over HTTP via " + result.leader + ": " + result.httpLeader.summary());
		if (result.follower.equals(result.leader)) {
			result.httpFollower = result.httpLeader;
		}
		else {
			result.httpFollower = httpSeries(bench, result.follower, result);
			say(result.mode + ": sign-up over HTTP via " + result.follower + ": " + result.httpFollower.summary());
		}
	}

	private Samples httpSeries(BenchCluster bench, String node, ModeResult result) {
		Samples out = new Samples();
		long cap = System.nanoTime() + this.options.seriesCap.toNanos();
		for (int i = 0; i < this.options.httpWarmup + this.options.httpSamples; i++) {
			if (System.nanoTime() > cap) {
				result.notes
					.add(String.format("HTTP sign-up series via %s cut at the %d s cap after %d of %d sign-ups", node,
							this.options.seriesCap.toSeconds(), i, this.options.httpWarmup + this.options.httpSamples));
				break;
			}
			long t = System.nanoTime();
			String status;
			try {
				ApiClient.Reply reply = bench.api.signUp(bench.url(node), bench.nextName());
				if (reply.status() == 201) {
					if (i >= this.options.httpWarmup) {
						out.add(System.nanoTime() - t);
					}
					continue;
				}
				status = "HTTP " + reply.status();
			}
			catch (RuntimeException ex) {
				status = kind(ex);
			}
			result.errors.merge("sign-up via " + node + ": " + status, 1, Integer::sum);
		}
		return out;
	}

	private void throughput(BenchCluster bench, ModeResult result) {
		for (int clients : this.options.clients) {
			Throughput t = throughput(bench, clients);
			result.throughput.put(clients, t);
			say(result.mode + ": " + clients + " clients: " + String.format("%.0f", t.perSecond()) + " claims/s, "
					+ t.ok + " ok, " + t.errors + " errors " + t.errorKinds + ", latency " + t.latency.summary());
		}
	}

	private Throughput throughput(BenchCluster bench, int clients) {
		List<String> nodes = BenchCluster.NODES;
		Consensus[] consensus = new Consensus[nodes.size()];
		for (int i = 0; i < nodes.size(); i++) {
			consensus[i] = bench.consensus(nodes.get(i));
		}
		long warmNanos = this.options.throughputWarmup.toNanos();
		long measureNanos = this.options.throughputTime.toNanos();
		CyclicBarrier go = new CyclicBarrier(clients + 1);
		long[] window = new long[2];
		Worker[] workers = new Worker[clients];
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int node = c % nodes.size();
			Worker worker = new Worker();
			workers[c] = worker;
			Thread thread = new Thread(() -> {
				await(go);
				long measureFrom = window[0];
				long deadline = window[1];
				while (true) {
					long t = System.nanoTime();
					if (t >= deadline) {
						break;
					}
					try {
						consensus[node].register(bench.newAccount(nodes.get(node)));
						long end = System.nanoTime();
						if (end >= measureFrom) {
							worker.ok++;
							worker.latency.add(end - t);
							worker.lastEnd = end;
						}
					}
					catch (RuntimeException ex) {
						long end = System.nanoTime();
						if (end >= measureFrom) {
							worker.errors++;
							worker.kinds.merge(kind(ex), 1, Integer::sum);
							worker.lastEnd = end;
						}
					}
				}
			}, "bench-client-" + c);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		long now = System.nanoTime();
		window[0] = now + warmNanos;
		window[1] = now + warmNanos + measureNanos;
		await(go);
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		Throughput out = new Throughput(clients);
		long lastEnd = window[1];
		for (Worker w : workers) {
			out.ok += w.ok;
			out.errors += w.errors;
			out.latency.addAll(w.latency);
			w.kinds.forEach((k, v) -> out.errorKinds.merge(k, v, Integer::sum));
			lastEnd = Math.max(lastEnd, w.lastEnd);
		}
		out.seconds = (lastEnd - window[0]) / 1e9;
		return out;
	}

	// ---------------------------------------------------------------- failover

	private void failover(BenchCluster bench, ModeResult result, boolean crash) {
		int trials = crash ? this.options.crashTrials : this.options.trials;
		for (int i = 1; i <= trials; i++) {
			Trial trial = failoverTrial(bench, i, crash);
			for (int again = 1; trial.leaderMoved && again <= 3; again++) {
				say("ON: failover trial " + i + ": " + trial.leader
						+ " no longer led when it was to be stopped; trial repeated");
				trial = failoverTrial(bench, i, crash);
			}
			(crash ? result.crashTrials : result.trials).add(trial);
			if (trial.note != null) {
				result.notes.add((crash ? "crash-like" : "graceful") + " failover trial " + i + ": " + trial.note);
			}
			say("ON: " + (crash ? "crash-like" : "graceful") + " failover trial " + i + ": " + trial);
		}
	}

	private Trial failoverTrial(BenchCluster bench, int number, boolean crash) {
		Trial trial = new Trial(number, crash);
		bench.awaitHealthy(Duration.ofSeconds(180));
		Optional<String> known = bench.leaderByRole().or(bench::leaderByAtomix);
		String leader;
		if (known.isPresent()) {
			leader = known.get();
		}
		else {
			Map<String, Double> timing = bench.timeEachNode(this.options.timingClaims);
			leader = timing.keySet().iterator().next();
			trial.leaderGuessed = true;
		}
		String survivor = BenchCluster.NODES.stream().filter((n) -> !n.equals(leader)).findFirst().orElseThrow();
		trial.leader = leader;
		trial.survivor = survivor;
		trial.termBefore = bench.term(survivor);
		Consensus consensus = bench.consensus(survivor);

		// Claims straight to the survivor's Consensus bean; up to 256 at once, as each
		// may wait out the whole election.
		PacedAttempts attempts = new PacedAttempts(this.options.probeInterval, 256, () -> {
			long start = System.nanoTime();
			try {
				consensus.register(bench.newAccount(survivor));
				return new Attempt(start, System.nanoTime(), null);
			}
			catch (RuntimeException ex) {
				return new Attempt(start, System.nanoTime(), kind(ex));
			}
		});
		attempts.start();
		try {
			probe(bench, trial, crash, leader, survivor, attempts);
		}
		catch (LeaderMoved ex) {
			trial.leaderMoved = true;
			trial.note = "not counted: the leader changed before it was stopped";
		}
		catch (RuntimeException ex) {
			trial.note = "trial failed: " + ex;
			say("ON: failover trial " + number + " failed: " + ex);
		}
		finally {
			attempts.stop(Duration.ofSeconds(15));
			trial.attempts = attempts.attempts().size();
			if (bench.cluster.isRunning(leader)) {
				// The cut-off node still runs (or the trial failed early): stop it for
				// real first.
				long t = System.nanoTime();
				bench.cluster.stopNode(leader);
				trial.cleanupStopMillis = (System.nanoTime() - t) / 1e6;
			}
		}
		Optional<String> newLeader = bench.leaderByRole().or(bench::leaderByAtomix);
		trial.newLeader = newLeader.orElse("?");
		trial.termAfter = bench.term(survivor);

		long restart = System.nanoTime();
		bench.startNode(leader);
		trial.contextStartMillis = (System.nanoTime() - restart) / 1e6;
		bench.awaitHealthy(Duration.ofSeconds(180));
		trial.rejoinMillis = (System.nanoTime() - restart) / 1e6;
		return trial;
	}

	/**
	 * Stops (or cuts off) the leader while the probes run, and works out the outage from
	 * them.
	 */
	private void probe(BenchCluster bench, Trial trial, boolean crash, String leader, String survivor,
			PacedAttempts attempts) {
		Pause.millis(300);
		// Elections also happen on their own (a member restarted by the previous trial, a
		// stall on
		// this busy machine): a trial that stops a node which no longer leads measures
		// nothing.
		if (!bench.role(leader).map("leader"::equalsIgnoreCase).orElse(false)) {
			throw new LeaderMoved();
		}
		long stopCall = System.nanoTime();
		if (crash) {
			bench.cutRaftNetwork(leader);
		}
		else {
			bench.cluster.stopNode(leader);
		}
		long stopReturned = System.nanoTime();
		trial.stopMillis = (stopReturned - stopCall) / 1e6;

		Attempt firstAfter = attempts.firstOkSentAfter(stopReturned, Duration.ofSeconds(60));
		Pause.millis(100);
		if (firstAfter == null) {
			trial.outageMillis = Double.NaN;
			trial.note = "no claim through " + survivor + " succeeded within 60 s after the stop";
		}
		else {
			long until = firstAfter.end();
			List<Attempt> ok = attempts.attempts()
				.stream()
				.filter((a) -> a.ok() && a.end() <= until)
				.sorted(Comparator.comparingLong(Attempt::end))
				.toList();
			long gap = 0;
			long gapFrom = stopCall;
			long gapTo = until;
			for (int i = 1; i < ok.size(); i++) {
				long g = ok.get(i).end() - ok.get(i - 1).end();
				if (g > gap) {
					gap = g;
					gapFrom = ok.get(i - 1).end();
					gapTo = ok.get(i).end();
				}
			}
			if (ok.size() < 2) {
				gap = until - stopCall;
			}
			trial.outageMillis = gap / 1e6;
			trial.outageFromMillis = (gapFrom - stopCall) / 1e6;
			trial.outageToMillis = (gapTo - stopCall) / 1e6;
			trial.firstAfterStopMillis = (until - stopReturned) / 1e6;
			long from = gapFrom;
			long to = gapTo;
			attempts.attempts()
				.stream()
				.filter((a) -> !a.ok() && a.end() >= from && a.start() <= to)
				.forEach((a) -> trial.failures.merge(a.error(), 1, Integer::sum));
		}
	}

	// ---------------------------------------------------------------- report

	private String report(Map<ConsensusMode, ModeResult> results, Duration took) {
		ModeResult off = results.getOrDefault(ConsensusMode.OFF, new ModeResult(ConsensusMode.OFF));
		ModeResult on = results.getOrDefault(ConsensusMode.ON, new ModeResult(ConsensusMode.ON));
		StringBuilder md = ReportHeader.start("paxoshub claim benchmark");
		md.append(' ')
			.append(System.getProperty("os.arch"))
			.append(", max heap ")
			.append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
			.append(" MB\n");
		md.append("- java: ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.runtime.version"))
			.append(" (")
			.append(System.getProperty("java.vendor"))
			.append(")\n");
		md.append(ReportHeader.run(this.options.quick, took, this.options));
		md.append("- all nodes, both modes, run in this one JVM (RunningCluster): the client, three nodes, "
				+ "three Raft members and the front door share the CPUs\n");
		md.append("- leader (ON): ")
			.append(Figures.orNa(on.leader))
			.append(", follower: ")
			.append(Figures.orNa(on.follower))
			.append(" — found by ")
			.append(Figures.orNa(on.leaderMethod))
			.append('\n');
		md.append("- OFF rows: ").append(Figures.orNa(off.leaderMethod)).append('\n');
		md.append(this.options.h2TraceOff ? "- H2 trace file turned off on every node (--h2-trace-off)\n"
				: "- H2 trace file as shipped\n");
		md.append('\n');

		md.append("| metric | OFF | ON | ON/OFF |\n|---|---:|---:|---:|\n");
		for (String which : List.of("leader", "follower")) {
			for (int p : new int[] { 50, 90, 99 }) {
				row(md, "claim via Consensus.register (no HTTP, no BCrypt), through " + which + "'s node, p" + p
						+ " (ms)", pct(off, which, false, p), pct(on, which, false, p), true);
			}
		}
		for (int p : new int[] { 50, 90, 99 }) {
			row(md, "of which Raft: bare Atomix putIfAbsent through the leader's node (no codec, no checks; nodes still project it in the background), p"
					+ p + " (ms)", Double.NaN, on.rawLeader == null ? Double.NaN : on.rawLeader.percentileMs(p), true);
		}
		for (String which : List.of("leader", "follower")) {
			for (int p : new int[] { 50, 90, 99 }) {
				row(md, "sign-up via HTTP API (BCrypt included), through " + which + "'s node, p" + p + " (ms)",
						pct(off, which, true, p), pct(on, which, true, p), true);
			}
		}
		for (int clients : this.options.clients) {
			row(md, "throughput, Consensus.register, " + clients + (clients == 1 ? " client" : " clients")
					+ " (claims/s)", tput(off, clients), tput(on, clients), false);
		}
		for (int clients : this.options.clients) {
			rowText(md, "throughput errors at " + clients + (clients == 1 ? " client" : " clients")
					+ " (errors / successes)", errs(off, clients), errs(on, clients));
		}
		for (int clients : this.options.clients) {
			row(md, "claim p99 under load, " + clients + (clients == 1 ? " client" : " clients") + " (ms)",
					loadP99(off, clients), loadP99(on, clients), true);
		}
		double failoverMedian = failoverMedian(on.trials);
		double crashMedian = failoverMedian(on.crashTrials);
		md.append("| leader failover, graceful stop of the leader's node: median write outage through a survivor (ms, ")
			.append(on.trials.size())
			.append(" trials) | n/a | ")
			.append(Double.isNaN(failoverMedian) ? "n/a" : String.format("%.0f", failoverMedian))
			.append(" | n/a |\n");
		md.append("| leader failover, crash-like (leader's Raft TCP+UDP cut, no goodbye): median write outage (ms, ")
			.append(on.crashTrials.size())
			.append(" trials) | n/a | ")
			.append(Double.isNaN(crashMedian) ? "n/a" : String.format("%.0f", crashMedian))
			.append(" | n/a |\n\n");

		md.append("## Targets (consensus ON)\n\n| target | measured | verdict |\n|---|---:|---|\n");
		double p50 = pct(on, "leader", false, 50);
		target(md, "claim p50 through the leader ≤ 3 ms (Consensus.register)", Figures.ms(p50) + " ms", p50 <= 3);
		double t64 = tput(on, 64);
		target(md, "≥ 3,000 claims/s at 64 clients", Double.isNaN(t64) ? "n/a" : String.format("%.0f /s", t64),
				t64 >= 3000);
		target(md, "failover median ≤ 1 s (graceful stop of the leader's node)",
				Double.isNaN(failoverMedian) ? "n/a" : String.format("%.0f ms", failoverMedian),
				failoverMedian <= 1000);
		if (!on.crashTrials.isEmpty()) {
			target(md, "failover median ≤ 1 s (crash-like: leader's Raft network cut)",
					Double.isNaN(crashMedian) ? "n/a" : String.format("%.0f ms", crashMedian), crashMedian <= 1000);
		}
		md.append('\n');

		md.append("## Details\n\n");
		for (ModeResult r : results.values()) {
			md.append("### ").append(r.mode).append("\n\n");
			md.append("- cluster: contexts started in ")
				.append(r.startTook == null ? "?" : r.startTook.toMillis())
				.append(" ms; every node writable (HTTP) after ")
				.append(r.writableAfter == null ? "?" : r.writableAfter.toMillis())
				.append(" ms; stopped in ")
				.append(r.closeTook == null ? "?" : r.closeTook.toMillis())
				.append(" ms; ")
				.append(r.claimsMade)
				.append(" usernames claimed in all; H2 trace files (*.trace.db*) ")
				.append(r.h2TraceBytes / (1024 * 1024))
				.append(" MB at the end")
				.append(this.options.h2TraceOff ? " (H2 trace file turned off: SET TRACE_LEVEL_FILE 0)" : "")
				.append('\n');
			md.append("- settings: ").append(Figures.orNa(r.settings)).append('\n');
			md.append("- 1-min load average at each phase start: ").append(r.loads).append('\n');
			md.append(CpuUsage.byPhase(r.cpu, "\"other processes\" is what was not this benchmark's JVM"));
			if (r.mode == ConsensusMode.ON) {
				md.append("- consensus.role in /api/node/accounts: ")
					.append(r.roleField ? "present" : "absent")
					.append("; Atomix says the data-partition leader is ")
					.append(Figures.orNa(r.atomixLeader))
					.append("; p50 of ")
					.append(this.options.timingClaims)
					.append(" claims per node: ")
					.append(fmtMap(r.timingP50))
					.append(r.timingAgrees ? " (fastest = leader)" : " (fastest ≠ leader)")
					.append('\n');
			}
			if (r.regLeader != null) {
				md.append("- register via ").append(r.leader).append(": ").append(r.regLeader.summary()).append('\n');
			}
			if (r.regFollower != null && r.regFollower != r.regLeader) {
				md.append("- register via ")
					.append(r.follower)
					.append(": ")
					.append(r.regFollower.summary())
					.append('\n');
			}
			if (r.rawLeader != null) {
				md.append("- bare Raft putIfAbsent via ")
					.append(r.leader)
					.append(": ")
					.append(r.rawLeader.summary())
					.append('\n');
			}
			if (r.httpLeader != null) {
				md.append("- sign-up over HTTP via ")
					.append(r.leader)
					.append(": ")
					.append(r.httpLeader.summary())
					.append('\n');
			}
			if (r.httpFollower != null && r.httpFollower != r.httpLeader) {
				md.append("- sign-up over HTTP via ")
					.append(r.follower)
					.append(": ")
					.append(r.httpFollower.summary())
					.append('\n');
			}
			r.throughput.values()
				.forEach((t) -> md.append("- ")
					.append(t.clients)
					.append(" clients: ")
					.append(String.format("%.0f claims/s over %.1f s, %d ok, %d errors %s; latency %s", t.perSecond(),
							t.seconds, t.ok, t.errors, t.errorKinds.isEmpty() ? "" : t.errorKinds.toString(),
							t.latency.summary()))
					.append('\n'));
			if (!r.errors.isEmpty()) {
				md.append("- failed claims in the latency runs: ").append(r.errors).append('\n');
			}
			trialsTable(md, r.trials, false);
			trialsTable(md, r.crashTrials, true);
			for (String note : r.notes) {
				md.append("- NOTE: ").append(note).append('\n');
			}
			md.append('\n');
		}
		md.append("### Progress log\n\n```\n");
		this.log.lines().forEach((line) -> md.append(line).append('\n'));
		md.append("```\n");
		return md.toString();
	}

	private void trialsTable(StringBuilder md, List<Trial> trials, boolean crash) {
		if (trials.isEmpty()) {
			return;
		}
		md.append('\n')
			.append(crash ? "Crash-like failover trials: the leader's Atomix messaging (TCP) and unicast "
					+ "(UDP) services are stopped at once, so its peers see connections drop and silence with no Raft or "
					+ "membership goodbye, as after kill -9 (an in-JVM node cannot be killed); the node is then stopped "
					+ "and restarted."
					: "Graceful failover trials: `DemoCluster.stopNode(leader)` closes the leader's Spring context (its "
							+ "Atomix member stops normally, announcing it leaves).")
			.append(" A claim through a survivor's Consensus bean is launched every ")
			.append(this.options.probeInterval.toMillis())
			.append(" ms whatever earlier ones are doing; outage = longest time between two successful claims "
					+ "(completion to completion); times are from the stop/cut call.\n\n");
		md.append("| trial | leader stopped | survivor | ")
			.append(crash ? "cut" : "stopNode")
			.append(" took (ms) | outage (ms) | outage window (ms) | first success after ")
			.append(crash ? "cut" : "stop")
			.append(" returned (ms) | failed claims in outage | new leader | term "
					+ "| restart until all 3 take claims (ms) |\n|---:|---|---|---:|---:|---|---:|---|---|---|---:|\n");
		for (Trial t : trials) {
			md.append(Markdown.row(t.number, t.leader + (t.leaderGuessed ? " (guessed)" : ""), t.survivor,
					String.format("%.0f", t.stopMillis), String.format("%.0f", t.outageMillis),
					String.format("%.0f → %.0f", t.outageFromMillis, t.outageToMillis),
					String.format("%.0f", t.firstAfterStopMillis),
					t.failures.isEmpty() ? "none" : new TreeMap<>(t.failures).toString(), t.newLeader,
					t.termBefore + " → " + t.termAfter, String.format("%.0f", t.rejoinMillis)));
		}
		md.append('\n');
	}

	private static void row(StringBuilder md, String metric, double off, double on, boolean latency) {
		md.append(Markdown.row(metric, num(off, latency), num(on, latency), Figures.ratio(on, off)));
	}

	private static void rowText(StringBuilder md, String metric, String off, String on) {
		md.append(Markdown.row(metric, off, on, ""));
	}

	private static String num(double value, boolean latency) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		return latency ? Figures.ms(value) : String.format("%.0f", value);
	}

	private static void target(StringBuilder md, String target, String measured, boolean pass) {
		md.append(Markdown.row(target, measured, pass ? "**PASS**" : "**MISS**"));
	}

	private static double pct(ModeResult r, String which, boolean http, int p) {
		Samples s = http ? (which.equals("leader") ? r.httpLeader : r.httpFollower)
				: (which.equals("leader") ? r.regLeader : r.regFollower);
		return (s == null) ? Double.NaN : s.percentileMs(p);
	}

	private static double tput(ModeResult r, int clients) {
		Throughput t = r.throughput.get(clients);
		return (t == null) ? Double.NaN : t.perSecond();
	}

	private static double loadP99(ModeResult r, int clients) {
		Throughput t = r.throughput.get(clients);
		return (t == null) ? Double.NaN : t.latency.percentileMs(99);
	}

	private static String errs(ModeResult r, int clients) {
		Throughput t = r.throughput.get(clients);
		return (t == null) ? "n/a" : t.errors + " / " + t.ok;
	}

	private static double failoverMedian(List<Trial> trials) {
		double[] outages = trials.stream()
			.mapToDouble((t) -> Double.isNaN(t.outageMillis) ? Double.POSITIVE_INFINITY : t.outageMillis)
			.sorted()
			.toArray();
		if (outages.length == 0) {
			return Double.NaN;
		}
		int n = outages.length;
		return (n % 2 == 1) ? outages[n / 2] : (outages[n / 2 - 1] + outages[n / 2]) / 2;
	}

	private static String fmtMap(Map<String, Double> p50) {
		if (p50 == null) {
			return "n/a";
		}
		StringBuilder out = new StringBuilder();
		p50.forEach((k,
				v) -> out.append(out.isEmpty() ? "" : ", ").append(k).append(' ').append(Figures.ms(v)).append(" ms"));
		return out.toString();
	}

	/** A short name for why a claim failed. */
	static String kind(Throwable ex) {
		if (ex instanceof UsernameTakenException) {
			return "UsernameTaken";
		}
		if (ex instanceof ErrorResponseException error) {
			String detail = String.valueOf(error.getBody().getDetail());
			if (detail.contains("cannot reach a majority")) {
				return "Unavailable(no majority)";
			}
			if (detail.contains("could not confirm")) {
				return "Unavailable(outcome unknown)";
			}
			return error.getClass().getSimpleName() + "(" + error.getStatusCode().value() + ")";
		}
		String message = String.valueOf(ex.getMessage());
		return ex.getClass().getSimpleName() + "(" + message.substring(0, Math.min(60, message.length())) + ")";
	}

	private void say(String line) {
		this.log.say(line);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---------------------------------------------------------------- data

	private static final class Worker {

		long ok;

		long errors;

		long lastEnd;

		final Samples latency = new Samples();

		final Map<String, Integer> kinds = new TreeMap<>();

	}

	private static final class Throughput {

		final int clients;

		long ok;

		long errors;

		double seconds;

		final Samples latency = new Samples();

		final Map<String, Integer> errorKinds = new TreeMap<>();

		Throughput(int clients) {
			this.clients = clients;
		}

		double perSecond() {
			return (this.seconds > 0) ? this.ok / this.seconds : Double.NaN;
		}

	}

	private static final class LeaderMoved extends RuntimeException {

		LeaderMoved() {
			super("the leader changed before it was stopped");
		}

	}

	private static final class Trial {

		final int number;

		final boolean crash;

		double cleanupStopMillis = Double.NaN;

		String leader;

		String survivor;

		boolean leaderGuessed;

		boolean leaderMoved;

		double stopMillis;

		double outageMillis = Double.NaN;

		double outageFromMillis = Double.NaN;

		double outageToMillis = Double.NaN;

		double firstAfterStopMillis = Double.NaN;

		final Map<String, Integer> failures = new ConcurrentHashMap<>();

		int attempts;

		String newLeader;

		long termBefore;

		long termAfter;

		double contextStartMillis;

		double rejoinMillis;

		String note;

		Trial(int number, boolean crash) {
			this.number = number;
			this.crash = crash;
		}

		@Override
		public String toString() {
			return String.format(
					(this.crash ? "cut the Raft network of" : "stopped") + " %s%s, probing %s: "
							+ (this.crash ? "cut" : "stopNode")
							+ " took %.0f ms, outage %.0f ms (%.0f → %.0f ms after the stop call), "
							+ "first success %.0f ms after stop returned, failed claims in outage %s, %d claims tried, "
							+ "new leader %s, term %d → %d; restart: context %.0f ms, all writable after %.0f ms%s",
					this.leader, this.leaderGuessed ? " (guessed)" : "", this.survivor, this.stopMillis,
					this.outageMillis, this.outageFromMillis, this.outageToMillis, this.firstAfterStopMillis,
					this.failures, this.attempts, this.newLeader, this.termBefore, this.termAfter,
					this.contextStartMillis, this.rejoinMillis,
					(this.note == null ? "" : "; " + this.note)
							+ (this.crash ? String.format("; stopNode of the cut-off node afterwards took %.0f ms",
									this.cleanupStopMillis) : ""));
		}

	}

	private static final class ModeResult {

		final ConsensusMode mode;

		String leader;

		String follower;

		String leaderMethod;

		String atomixLeader;

		boolean roleField;

		boolean timingAgrees;

		Map<String, Double> timingP50;

		Duration startTook;

		Duration writableAfter;

		long claimsMade;

		Samples regLeader;

		Samples regFollower;

		Samples httpLeader;

		Samples httpFollower;

		Samples rawLeader;

		final Map<Integer, Throughput> throughput = new LinkedHashMap<>();

		final List<Trial> trials = new ArrayList<>();

		final List<Trial> crashTrials = new ArrayList<>();

		final List<Double> loads = new ArrayList<>();

		final Map<String, String> cpu = new LinkedHashMap<>();

		String settings;

		Duration closeTook;

		long h2TraceBytes;

		final Map<String, Integer> errors = new TreeMap<>();

		final List<String> notes = new ArrayList<>();

		ModeResult(ConsensusMode mode) {
			this.mode = mode;
		}

	}

	/** Command-line options; --quick shortens everything. */
	static final class Options {

		static final String USAGE = """
				usage: scripts/bench.sh [--quick] [--mode=both|on|off] [--samples=N] [--warmup=N]
				                        [--http-samples=N] [--http-warmup=N] [--clients=1,16,64]
				                        [--throughput-seconds=S] [--throughput-warmup-seconds=S]
				                        [--trials=N] [--crash-trials=N] [--timing-claims=N] [--probe-interval-ms=N]
				                        [--wait-for-load=L [--wait-max-minutes=M]]   (shared machine: wait until
				                                                the 1-min load average is below L, at most M min)
				                        [--out=target/bench/claims.md] [--cluster-arg=--name=value]...
				                        [--h2-trace-off]  run SET TRACE_LEVEL_FILE 0 on every node's database
				                            (an H2 trace file flooded by a row-mapper bug once stalled OFF)
				                        [--series-cap-seconds=S]  stop a latency series after S s (default 90)
				""";

		final boolean help;

		final boolean quick;

		final List<ConsensusMode> modes;

		final int samples;

		final int warmup;

		final int httpSamples;

		final int httpWarmup;

		final int[] clients;

		final Duration throughputTime;

		final Duration throughputWarmup;

		final int trials;

		final int crashTrials;

		final boolean h2TraceOff;

		final Duration seriesCap;

		final double waitForLoad;

		final int waitMaxMinutes;

		final int timingClaims;

		final Duration probeInterval;

		final Path out;

		final List<String> clusterArgs;

		private Options(CommandLine line) {
			this.help = line.help();
			this.quick = line.quick();
			this.modes = line.modes();
			this.samples = line.integer("--samples", this.quick ? 300 : 2000);
			this.warmup = line.integer("--warmup", this.quick ? 50 : 300);
			this.httpSamples = line.integer("--http-samples", this.quick ? 30 : 200);
			this.httpWarmup = line.integer("--http-warmup", this.quick ? 10 : 30);
			this.clients = line.clients();
			this.throughputTime = line.seconds("--throughput-seconds", Duration.ofSeconds(this.quick ? 2 : 6));
			this.throughputWarmup = line.seconds("--throughput-warmup-seconds",
					Duration.ofMillis(this.quick ? 500 : 1000));
			this.trials = line.integer("--trials", this.quick ? 2 : 5);
			this.crashTrials = line.integer("--crash-trials", this.quick ? 1 : 2);
			this.h2TraceOff = line.flag("--h2-trace-off");
			this.seriesCap = line.seconds("--series-cap-seconds", Duration.ofSeconds(this.quick ? 30 : 90));
			this.waitForLoad = line.decimal("--wait-for-load", Double.NaN);
			this.waitMaxMinutes = line.integer("--wait-max-minutes", 15);
			this.timingClaims = line.integer("--timing-claims", this.quick ? 30 : 100);
			this.probeInterval = line.millis("--probe-interval-ms", Duration.ofMillis(20));
			this.out = line.path("--out", Path.of("target", "bench", "claims.md"));
			this.clusterArgs = line.all("--cluster-arg");
			line.refuseUnknown(USAGE);
		}

		static Options parse(String[] args) {
			return new Options(new CommandLine(args));
		}

		@Override
		public String toString() {
			return "modes " + this.modes + ", register " + this.warmup + "+" + this.samples + ", HTTP "
					+ this.httpWarmup + "+" + this.httpSamples + ", clients " + Arrays.toString(this.clients) + " × "
					+ this.throughputWarmup.toMillis() / 1000.0 + "+" + this.throughputTime.toMillis() / 1000.0
					+ " s, failover trials " + this.trials + " graceful + " + this.crashTrials + " crash-like"
					+ (this.h2TraceOff ? ", H2 trace file off (workaround)" : ", H2 trace file as is")
					+ (this.clusterArgs.isEmpty() ? "" : ", cluster args " + this.clusterArgs);
		}

	}

}
