package dev.paxoshub.consensus.raft;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.atomix.cluster.MemberId;
import io.atomix.core.Atomix;
import io.atomix.primitive.partition.Partition;
import io.atomix.primitive.partition.PartitionGroup;
import io.atomix.primitive.partition.PartitionService;
import io.atomix.protocols.raft.RaftServer;
import io.atomix.protocols.raft.cluster.impl.DefaultRaftMember;
import io.atomix.protocols.raft.impl.RaftContext;
import io.atomix.protocols.raft.partition.RaftPartition;
import io.atomix.protocols.raft.session.impl.MemberSelectorManager;
import io.atomix.utils.concurrent.ThreadContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Raft servers inside an Atomix member, as they see themselves. Atomix publishes no API for
 * a server's role, term or commit index ({@link Partition#primary()} and {@link Partition#term()}
 * are the client's cached view, often stale), nor for its timeouts, which its partition server
 * fixes at 2.5 s (election) and 250 ms (heartbeat). Both are reached here through the server's
 * private fields:
 * <pre>
 * RaftPartition.server        (RaftPartitionServer)
 *   RaftPartitionServer.server  (RaftServer, a DefaultRaftServer)
 *     DefaultRaftServer.context   (RaftContext: role, term, leader, commit index, timeouts)
 * </pre>
 * Everything here fails soft: a field that is missing, or a server not created yet, gives no
 * context and an unknown state, never an exception.
 */
final class RaftInternals {

	private static final Logger log = LoggerFactory.getLogger(RaftInternals.class);

	/** One field per class and name, looked up once; empty when the class has no such field. */
	private static final Map<String, Optional<Field>> FIELDS = new ConcurrentHashMap<>();

	/** Reflection failures already reported, so a broken path is logged once, not per request. */
	private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

	private RaftInternals() {
	}

	/**
	 * What one partition's Raft server says about itself; every field is null when unknown.
	 *
	 * @param partition the partition's name, such as {@code data-partition-1}
	 * @param role the server's role in lower case: leader, follower, candidate, ...
	 */
	record PartitionState(String partition, String role, Long term, String leader, Long commitIndex,
			Long lastApplied, Duration electionTimeout, Duration heartbeatInterval) {

		static final PartitionState UNKNOWN = new PartitionState(null, null, null, null, null, null, null, null);

	}

	/**
	 * How one partition's server was tuned.
	 *
	 * @param role the role it had when the timeouts were set
	 * @param steppedDown whether it was the leader and stepped down so the new heartbeat applies
	 */
	record Tuning(String partition, String role, boolean steppedDown, Duration electionTimeout,
			Duration heartbeatInterval) {

		@Override
		public String toString() {
			return this.partition + " (" + this.role + (this.steppedDown ? ", stepped down once" : "") + ")";
		}

	}

	/** The state of the first partition of the named group, or {@link PartitionState#UNKNOWN}. */
	static PartitionState state(Atomix atomix, String group) {
		return contexts(atomix, group).stream().findFirst().map(RaftInternals::state).orElse(PartitionState.UNKNOWN);
	}

	static PartitionState state(RaftContext context) {
		try {
			RaftServer.Role role = context.getRole();
			DefaultRaftMember leader = context.getLeader();
			return new PartitionState(context.getName(), (role != null) ? role.name().toLowerCase(Locale.ROOT) : null,
					context.getTerm(), (leader != null) ? leader.memberId().id() : null, context.getCommitIndex(),
					context.getLastApplied(), context.getElectionTimeout(), context.getHeartbeatInterval());
		}
		catch (RuntimeException ex) {
			reportOnce("state", ex);
			return PartitionState.UNKNOWN;
		}
	}

	/** The Raft contexts of this member's servers in the named group; empty when there are none yet. */
	static List<RaftContext> contexts(Atomix atomix, String group) {
		List<RaftContext> contexts = new ArrayList<>();
		if (atomix == null) {
			return contexts;
		}
		try {
			PartitionGroup partitions = group(atomix.getPartitionService(), group);
			if (partitions != null) {
				for (Partition partition : partitions.getPartitions()) {
					context(partition).ifPresent(contexts::add);
				}
			}
		}
		catch (RuntimeException ex) {
			reportOnce("partitions of " + group, ex);
		}
		return contexts;
	}

	/** The Raft context of the server behind one partition, if it is a Raft partition served here. */
	static Optional<RaftContext> context(Partition partition) {
		if (!(partition instanceof RaftPartition)) {
			return Optional.empty();
		}
		return read(partition, "server")
			.flatMap((partitionServer) -> read(partitionServer, "server"))
			.flatMap((server) -> read(server, "context"))
			.filter(RaftContext.class::isInstance)
			.map(RaftContext.class::cast);
	}

	/** Tunes every server of the named groups in this member; one future per server found. */
	static List<CompletableFuture<Tuning>> tune(Atomix atomix, Duration electionTimeout, Duration heartbeatInterval,
			String... groups) {
		List<CompletableFuture<Tuning>> tunings = new ArrayList<>();
		for (String group : groups) {
			for (RaftContext context : contexts(atomix, group)) {
				tunings.add(tune(context, electionTimeout, heartbeatInterval));
			}
		}
		return tunings;
	}

	/**
	 * Sets the server's election timeout and heartbeat interval on its own Raft thread, where all
	 * its state is changed. A follower picks up the new election timeout at its next timer reset,
	 * but a leader keeps heartbeating at the interval it was elected with; so a leader whose
	 * timeouts were not tuned yet steps down once, and whoever is elected next heartbeats at the
	 * new interval.
	 */
	static CompletableFuture<Tuning> tune(RaftContext context, Duration electionTimeout, Duration heartbeatInterval) {
		CompletableFuture<Tuning> tuned = new CompletableFuture<>();
		try {
			context.getThreadContext().execute(() -> {
				try {
					boolean already = electionTimeout.equals(context.getElectionTimeout())
							&& heartbeatInterval.equals(context.getHeartbeatInterval());
					RaftServer.Role role = context.getRole();
					context.setElectionTimeout(electionTimeout);
					context.setHeartbeatInterval(heartbeatInterval);
					boolean stepDown = !already && role == RaftServer.Role.LEADER;
					if (stepDown) {
						context.transition(RaftServer.Role.FOLLOWER);
					}
					tuned.complete(new Tuning(context.getName(), String.valueOf(role).toLowerCase(Locale.ROOT),
							stepDown, electionTimeout, heartbeatInterval));
				}
				catch (RuntimeException ex) {
					tuned.completeExceptionally(ex);
				}
			});
		}
		catch (RuntimeException ex) {
			// The server's thread is closed: the member is stopping.
			tuned.completeExceptionally(ex);
		}
		return tuned;
	}

	/**
	 * Makes this member's Raft client resend its pending operations now, to the leader the local
	 * server knows. Atomix's client otherwise retries on its own schedule: an operation sent while
	 * the group had no leader, or refused by a leader still settling in, waits one second or more
	 * before its next try, so a failover would cost the election plus that pause. Resetting the
	 * client's member selectors away from the leader and back makes every open session resend at
	 * once; Raft's per-session sequence numbers make a resent operation apply only once.
	 * <pre>
	 * RaftPartition.client          (RaftPartitionClient)
	 *   RaftPartitionClient.client    (RaftClient, a DefaultRaftClient)
	 *     DefaultRaftClient.selectorManager, .threadContext
	 * </pre>
	 * @return whether a leader was known and the resend was asked for
	 */
	static boolean resendToLeader(Atomix atomix, String group) {
		boolean asked = false;
		try {
			PartitionGroup partitions = group(atomix.getPartitionService(), group);
			if (partitions == null) {
				return false;
			}
			for (Partition partition : partitions.getPartitions()) {
				Optional<RaftContext> server = context(partition);
				Optional<Object> client = read(partition, "client").flatMap((partitionClient) -> read(partitionClient, "client"));
				Optional<MemberSelectorManager> selectors = client.flatMap((raftClient) -> read(raftClient, "selectorManager"))
					.filter(MemberSelectorManager.class::isInstance)
					.map(MemberSelectorManager.class::cast);
				Optional<ThreadContext> clientThread = client.flatMap((raftClient) -> read(raftClient, "threadContext"))
					.filter(ThreadContext.class::isInstance)
					.map(ThreadContext.class::cast);
				DefaultRaftMember leader = server.map(RaftContext::getLeader).orElse(null);
				if (leader == null || selectors.isEmpty() || clientThread.isEmpty()) {
					continue;
				}
				List<MemberId> members = server.get().getCluster().getMembers().stream().map((member) -> member.memberId()).toList();
				clientThread.get().execute(() -> {
					selectors.get().resetAll(null, members);
					selectors.get().resetAll(leader.memberId(), members);
				});
				asked = true;
			}
		}
		catch (RuntimeException ex) {
			reportOnce("client of " + group, ex);
		}
		return asked;
	}

	/**
	 * A leader about to stop hands over first: it steps down and stays out of the next election,
	 * so the others elect a leader in one election timeout instead of first waiting for it to fall
	 * silent. Completes once another member leads, or with false after {@code patience}.
	 */
	static CompletableFuture<Boolean> handOver(RaftContext context, Duration patience) {
		CompletableFuture<Boolean> handedOver = new CompletableFuture<>();
		try {
			context.getThreadContext().execute(() -> {
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
		}
		catch (RuntimeException ex) {
			handedOver.completeExceptionally(ex);
		}
		return handedOver.completeOnTimeout(false, patience.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static PartitionGroup group(PartitionService service, String name) {
		PartitionGroup group = service.getPartitionGroup(name);
		if (group == null) {
			PartitionGroup system = service.getSystemPartitionGroup();
			if (system != null && name.equals(system.name())) {
				group = system;
			}
		}
		return group;
	}

	/** The value of a private field, searched up the class hierarchy; empty when absent or unset. */
	private static Optional<Object> read(Object target, String name) {
		Optional<Field> field = FIELDS.computeIfAbsent(target.getClass().getName() + "#" + name,
				(key) -> find(target.getClass(), name));
		if (field.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(field.get().get(target));
		}
		catch (IllegalAccessException | RuntimeException ex) {
			reportOnce(target.getClass().getName() + "." + name, ex);
			return Optional.empty();
		}
	}

	private static Optional<Field> find(Class<?> type, String name) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			try {
				Field field = c.getDeclaredField(name);
				field.setAccessible(true);
				return Optional.of(field);
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
			catch (RuntimeException ex) {
				reportOnce(c.getName() + "." + name, ex);
				return Optional.empty();
			}
		}
		reportOnce(type.getName() + "." + name, new NoSuchFieldException(name));
		return Optional.empty();
	}

	private static void reportOnce(String what, Exception ex) {
		if (REPORTED.add(what)) {
			log.warn("Cannot read the Raft server's {} ({}); its Raft state shows as unknown", what, ex.toString());
		}
	}

}
