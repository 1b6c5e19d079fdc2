package dev.paxoshub.consensus.raft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.paxoshub.consensus.RaftRole;
import io.atomix.cluster.MemberId;
import io.atomix.core.Atomix;
import io.atomix.primitive.partition.Partition;
import io.atomix.protocols.raft.RaftServer;
import io.atomix.protocols.raft.cluster.impl.DefaultRaftMember;
import io.atomix.protocols.raft.impl.RaftContext;
import io.atomix.protocols.raft.roles.FollowerRole;

/**
 * The levers on a member's Raft servers and client that Atomix does not offer: its
 * timeouts (fixed at 2.5 s election and 250 ms heartbeat by its partition server),
 * handing the lead over before a stop, and resending what the client waits for. Every
 * change runs on the server's or client's own thread, where all their state is changed.
 */
final class RaftTuner {

	private RaftTuner() {
	}

	/**
	 * How one partition's server was tuned.
	 *
	 * @param role the role it had when the timeouts were set
	 * @param steppedDown whether it was the leader and stepped down so the new heartbeat
	 * applies
	 */
	record Tuning(String partition, RaftRole role, boolean steppedDown, Duration electionTimeout,
			Duration heartbeatInterval) {

		@Override
		public String toString() {
			return this.partition + " (" + this.role.label() + (this.steppedDown ? ", stepped down once" : "") + ")";
		}

	}

	/**
	 * Tunes every server of the named groups in this member; one future per server found.
	 */
	static List<CompletableFuture<Tuning>> tune(Atomix atomix, Duration electionTimeout, Duration heartbeatInterval,
			String... groups) {
		List<CompletableFuture<Tuning>> tunings = new ArrayList<>();
		for (String group : groups) {
			for (RaftContext context : RaftServers.contexts(atomix, group)) {
				tunings.add(tune(context, electionTimeout, heartbeatInterval));
			}
		}
		return tunings;
	}

	/**
	 * Sets the server's election timeout and heartbeat interval. A follower picks up the
	 * new election timeout at its next timer reset, but a leader keeps heartbeating at
	 * the interval it was elected with; so a leader whose timeouts were not tuned yet
	 * steps down once, and whoever is elected next heartbeats at the new interval.
	 */
	static CompletableFuture<Tuning> tune(RaftContext context, Duration electionTimeout, Duration heartbeatInterval) {
		CompletableFuture<Tuning> tuned = new CompletableFuture<>();
		onServerThread(context, tuned, () -> {
			boolean already = electionTimeout.equals(context.getElectionTimeout())
					&& heartbeatInterval.equals(context.getHeartbeatInterval());
			RaftServer.Role role = context.getRole();
			context.setElectionTimeout(electionTimeout);
			context.setHeartbeatInterval(heartbeatInterval);
			boolean stepDown = !already && role == RaftServer.Role.LEADER;
			if (stepDown) {
				context.transition(RaftServer.Role.FOLLOWER);
			}
			tuned.complete(
					new Tuning(context.getName(), RaftProbe.role(role), stepDown, electionTimeout, heartbeatInterval));
		});
		return tuned;
	}

	/**
	 * Gives a server that just started its timeouts before its first election: Atomix
	 * armed its first election timer at 2.5 s when the server started, so a follower that
	 * has no leader yet has that timer armed again, at the new timeout. Without this a
	 * fresh cluster spends its first seconds waiting for Atomix's own timeout.
	 * @return whether the server was a follower still without a leader
	 */
	static CompletableFuture<Boolean> tuneBeforeFirstElection(RaftContext context, Duration electionTimeout,
			Duration heartbeatInterval) {
		CompletableFuture<Boolean> tuned = new CompletableFuture<>();
		onServerThread(context, tuned, () -> {
			context.setElectionTimeout(electionTimeout);
			context.setHeartbeatInterval(heartbeatInterval);
			boolean waiting = context.getRole() == RaftServer.Role.FOLLOWER && context.getLeader() == null
					&& context.getRaftRole() instanceof FollowerRole;
			if (waiting) {
				RaftServers.callFollower((FollowerRole) context.getRaftRole(), "resetHeartbeatTimeout",
						"first election timer");
			}
			tuned.complete(waiting);
		});
		return tuned;
	}

	/**
	 * Hands the lead of every group this member leads over, each within {@code patience}.
	 * @return how many groups found another leader
	 */
	static long handOver(Atomix atomix, Duration patience) {
		List<CompletableFuture<Boolean>> handOvers = Stream
			.of(RaftConfiguration.SYSTEM_GROUP, RaftConfiguration.DATA_GROUP)
			.flatMap((group) -> RaftServers.contexts(atomix, group).stream())
			.map((context) -> handOver(context, patience))
			.toList();
		return handOvers.stream()
			.filter((handOver) -> Boolean.TRUE.equals(handOver.exceptionally((failure) -> false).join()))
			.count();
	}

	/**
	 * A leader about to stop hands over first: it steps down and stays out of the next
	 * election, so the others elect a leader in one election timeout instead of first
	 * waiting for it to fall silent. Completes once another member leads, or with false
	 * after {@code patience}.
	 */
	static CompletableFuture<Boolean> handOver(RaftContext context, Duration patience) {
		CompletableFuture<Boolean> handedOver = new CompletableFuture<>();
		onServerThread(context, handedOver, () -> {
			if (context.getRole() != RaftServer.Role.LEADER) {
				handedOver.complete(false);
				return;
			}
			MemberId self = context.getCluster().getMember().memberId();
			context.setElectionTimeout(patience.multipliedBy(10));
			context.getCluster().addLeaderElectionListener((leader) -> {
				if (!leader.memberId().equals(self)) {
					handedOver.complete(true);
				}
			});
			context.transition(RaftServer.Role.FOLLOWER);
		});
		return handedOver.completeOnTimeout(false, patience.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Makes this member's Raft client resend its pending operations now, to the leader
	 * the local server knows. Atomix's client otherwise retries on its own schedule: an
	 * operation sent while the group had no leader, or refused by a leader still settling
	 * in, waits one second or more before its next try, so a failover would cost the
	 * election plus that pause. Resetting the client's member selectors away from the
	 * leader and back makes every open session resend at once; Raft's per-session
	 * sequence numbers make a resent operation apply only once.
	 * @return whether a leader was known and the resend was asked for
	 */
	static boolean resendToLeader(Atomix atomix, String group) {
		boolean asked = false;
		for (Partition partition : RaftServers.partitions(atomix, group)) {
			Optional<RaftContext> server = RaftServers.context(partition);
			Optional<RaftServers.Client> client = RaftServers.client(partition);
			DefaultRaftMember leader = server.map(RaftContext::getLeader).orElse(null);
			if (leader == null || client.isEmpty()) {
				continue;
			}
			List<MemberId> members = server.get()
				.getCluster()
				.getMembers()
				.stream()
				.map((member) -> member.memberId())
				.toList();
			try {
				client.get().thread().execute(() -> {
					client.get().selectors().resetAll(null, members);
					client.get().selectors().resetAll(leader.memberId(), members);
				});
				asked = true;
			}
			catch (RuntimeException ex) {
				RaftServers.reportOnce("client of " + group, ex);
			}
		}
		return asked;
	}

	/**
	 * Runs a change on the server's own thread; a closed thread (a stopping member) fails
	 * the future.
	 */
	private static void onServerThread(RaftContext context, CompletableFuture<?> result, Runnable change) {
		try {
			context.getThreadContext().execute(() -> {
				try {
					change.run();
				}
				catch (RuntimeException ex) {
					result.completeExceptionally(ex);
				}
			});
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(ex);
		}
	}

}
