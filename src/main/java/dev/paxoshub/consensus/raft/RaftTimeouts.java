package dev.paxoshub.consensus.raft;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.paxoshub.consensus.raft.RaftTuner.Tuning;
import io.atomix.core.Atomix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomix fixes its Raft timeouts at 2.5 s (election) and 250 ms (heartbeat), which makes
 * a failover take seconds. This gives a member's servers of both groups the configured
 * ones.
 */
final class RaftTimeouts {

	private static final Logger log = LoggerFactory.getLogger(RaftTimeouts.class);

	private final Duration election;

	private final Duration heartbeat;

	RaftTimeouts(RaftSettings settings) {
		this.election = settings.electionTimeout();
		this.heartbeat = settings.heartbeatInterval();
	}

	/**
	 * Whether the configured pair can be applied: a heartbeat well inside the election
	 * timeout.
	 */
	boolean usable() {
		return this.election != null && this.heartbeat != null && !this.heartbeat.isNegative()
				&& !this.heartbeat.isZero() && this.heartbeat.compareTo(this.election) < 0;
	}

	void applyTo(Atomix member, String node) {
		if (!usable()) {
			log.warn("{} keeps Atomix's Raft timeouts: heartbeat interval {} must be positive and below the "
					+ "election timeout {}", node, this.heartbeat, this.election);
			return;
		}
		List<CompletableFuture<Tuning>> tunings = RaftTuner.tune(member, this.election, this.heartbeat,
				RaftConfiguration.SYSTEM_GROUP, RaftConfiguration.DATA_GROUP);
		if (tunings.isEmpty()) {
			log.warn("{} cannot reach its Raft servers; they keep Atomix's timeouts (election 2500 ms, "
					+ "heartbeat 250 ms)", node);
			return;
		}
		CompletableFuture.allOf(tunings.toArray(CompletableFuture[]::new)).whenComplete((done, failure) -> {
			List<Tuning> applied = tunings.stream()
				.filter((tuning) -> !tuning.isCompletedExceptionally())
				.map(CompletableFuture::join)
				.toList();
			log.info("{} applied Raft timeouts (election {} ms, heartbeat {} ms) to {} of {} servers: {}", node,
					this.election.toMillis(), this.heartbeat.toMillis(), applied.size(), tunings.size(), applied);
			if (failure != null) {
				log.warn("{} could not tune every Raft server: {}", node, failure.toString());
			}
		});
	}

}
