package dev.paxoshub.checker;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import dev.paxoshub.bench.Attempt;
import dev.paxoshub.bench.PacedAttempts;
import dev.paxoshub.bench.Pause;
import dev.paxoshub.bench.ProgressLog;

/**
 * Leader failover after a real SIGKILL (consensus ON): from the kill of the leader's JVM
 * to the first acknowledged sign-up through a survivor that was sent after it, then the
 * killed node back on its own data before the next trial.
 */
final class FailoverTrials {

	/**
	 * Sign-ups through the survivor at once at most. Each costs it a BCrypt, hence fewer,
	 * and a slower pace, than a bare Raft write would allow.
	 */
	static final int MAX_IN_FLIGHT = 16;

	private final ClusterScript script;

	private final ClusterStatus status;

	private final ClusterParts parts;

	private final SignUps signUps;

	private final ProcessBenchmarkOptions options;

	private final ProgressLog log;

	FailoverTrials(ClusterScript script, ClusterStatus status, ClusterParts parts, SignUps signUps,
			ProcessBenchmarkOptions options, ProgressLog log) {
		this.script = script;
		this.status = status;
		this.parts = parts;
		this.signUps = signUps;
		this.options = options;
		this.log = log;
	}

	/**
	 * @param counted where each counted trial goes once it ends, so that the report keeps
	 * it even if a later trial breaks the cluster
	 * @param fail told of each trial that failed
	 */
	void run(List<FailoverTrial> counted, Consumer<String> fail) {
		for (int i = 1; i <= this.options.trials; i++) {
			FailoverTrial trial;
			try {
				trial = trial(i);
				for (int again = 1; trial.leaderMoved && again <= 3; again++) {
					this.log.say("on: failover trial " + i + ": " + trial.leader
							+ " no longer led when it was to be killed; trial repeated");
					trial = trial(i);
				}
			}
			catch (RuntimeException | IOException ex) {
				fail.accept("failover trial " + i + " failed: " + ex);
				ex.printStackTrace();
				// Bring back whatever is missing, so the next trial starts from three.
				this.script.run("start");
				continue;
			}
			if (!trial.leaderMoved) {
				counted.add(trial);
			}
			this.log.say("on: failover trial " + i + ": " + trial);
		}
	}

	private FailoverTrial trial(int number) throws IOException {
		FailoverTrial trial = new FailoverTrial(number);
		this.status.awaitWritable(Duration.ofSeconds(120));
		String leader = this.status.leader(Duration.ofSeconds(20));
		String survivor = ClusterParts.NODES.stream().filter((node) -> !node.equals(leader)).findFirst().orElseThrow();
		trial.leader = leader;
		trial.survivor = survivor;
		ProcessHandle jvm = this.parts.jvm(leader);
		trial.termBefore = this.status.term(survivor);

		URI target = this.status.url(survivor);
		PacedAttempts writer = new PacedAttempts(this.options.probeInterval, MAX_IN_FLIGHT,
				() -> this.signUps.send(target));
		long kill;
		Attempt first;
		try {
			writer.start();
			// Acknowledged writes before the kill: the survivor was writing, not
			// starting to.
			Pause.millis(1000);
			if (!leader.equals(this.status.leader(Duration.ofSeconds(5)))) {
				trial.leaderMoved = true;
				return trial;
			}
			// SIGKILL sent from here rather than through cluster.sh kill, so the instant
			// is the syscall's, not the script's start-up.
			kill = System.nanoTime();
			jvm.destroyForcibly();
			while (ClusterParts.running(jvm.pid()) && System.nanoTime() - kill < TimeUnit.SECONDS.toNanos(10)) {
				LockSupport.parkNanos(200_000);
			}
			trial.goneMillis = (System.nanoTime() - kill) / 1e6;
			first = writer.firstOkSentAfter(kill, Duration.ofSeconds(60));
			Pause.millis(200);
		}
		finally {
			writer.stop(SignUps.REQUEST_TIMEOUT.plusSeconds(5));
		}
		trial.writes = SurvivorWrites.of(writer.attempts(), kill, first);
		if (first == null) {
			trial.note = "no sign-up through " + survivor + " sent after the kill was acknowledged within 60 s";
		}
		trial.newLeader = this.status.leaderOrNull();
		trial.termAfter = this.status.term(survivor);

		// Back to three before the next trial: the killed node starts on its own data.
		long t = System.nanoTime();
		String started = this.script.run("start", leader);
		trial.restartCallSeconds = (System.nanoTime() - t) / 1e9;
		PartStart start = PartStart.of(started).get(leader);
		trial.restartServesSeconds = (start != null) ? start.seconds() : Double.NaN;
		this.status.awaitWritable(Duration.ofSeconds(180));
		Pause.millis(this.options.settle.toMillis());
		return trial;
	}

}
