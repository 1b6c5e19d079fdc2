package dev.paxoshub.consensus.raft;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import dev.paxoshub.consensus.raft.RaftTuner.Tuning;
import io.atomix.core.Atomix;
import io.atomix.protocols.raft.impl.RaftContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomix fixes its Raft timeouts at 2.5 s (election) and 250 ms (heartbeat), which makes
 * a failover take seconds, and a fresh cluster's first election too. This gives a
 * member's servers of both groups the configured ones, from the moment each starts.
 */
final class RaftTimeouts {

	private static final Logger log = LoggerFactory.getLogger(RaftTimeouts.class);

	/** How often a joining member is looked at for new servers, and for how long. */
	private static final Duration WATCH_EVERY = Duration.ofMillis(20);

	private static final Duration JOIN_WATCH = Duration.ofSeconds(60);

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

	/**
	 * While the member joins, tunes each of its Raft servers as soon as it exists, before
	 * its first election; {@link #applyTo} afterwards covers any server this missed.
	 */
	void applyWhileJoining(Atomix member, BooleanSupplier joining, ScheduledExecutorService scheduler) {
		if (!usable()) {
			return;
		}
		Set<RaftContext> tuned = Collections.newSetFromMap(new IdentityHashMap<>());
		long until = System.nanoTime() + JOIN_WATCH.toNanos();
		AtomicReference<ScheduledFuture<?>> watch = new AtomicReference<>();
		watch.set(scheduler.scheduleWithFixedDelay(() -> {
			if (!joining.getAsBoolean() || System.nanoTime() - until > 0) {
				watch.get().cancel(false);
				return;
			}
			for (String group : List.of(RaftConfiguration.SYSTEM_GROUP, RaftConfiguration.DATA_GROUP)) {
				for (RaftContext context : RaftServers.contexts(member, group)) {
					if (tuned.add(context)) {
						RaftTuner.tuneBeforeFirstElection(context, this.election, this.heartbeat);
					}
				}
			}
		}, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS));
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
