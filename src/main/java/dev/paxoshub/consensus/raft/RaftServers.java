package dev.paxoshub.consensus.raft;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.atomix.core.Atomix;
import io.atomix.primitive.partition.Partition;
import io.atomix.primitive.partition.PartitionGroup;
import io.atomix.primitive.partition.PartitionService;
import io.atomix.protocols.raft.impl.RaftContext;
import io.atomix.protocols.raft.partition.RaftPartition;
import io.atomix.protocols.raft.roles.FollowerRole;
import io.atomix.protocols.raft.session.impl.MemberSelectorManager;
import io.atomix.utils.concurrent.ThreadContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that knows Atomix's private field names. Atomix publishes no API for a
 * Raft server's role, term or commit index ({@link Partition#primary()} and
 * {@link Partition#term()} are the client's cached view, often stale), nor for its
 * timeouts or its client's resend; both are reached through these fields: <pre>
 * RaftPartition.server          (RaftPartitionServer)
 *   RaftPartitionServer.server    (RaftServer, a DefaultRaftServer)
 *     DefaultRaftServer.context     (RaftContext: role, term, leader, commit index, timeouts)
 * RaftPartition.client          (RaftPartitionClient)
 *   RaftPartitionClient.client    (RaftClient, a DefaultRaftClient)
 *     DefaultRaftClient.selectorManager, .threadContext
 * </pre> and a follower's private {@code resetHeartbeatTimeout} is called through
 * {@link #callFollower}. Everything here fails soft: a field that is missing, or a server
 * not created yet, gives nothing, never an exception, and a broken path is logged once.
 */
final class RaftServers {

	private static final Logger log = LoggerFactory.getLogger(RaftServers.class);

	/**
	 * One field per class and name, looked up once; empty when the class has no such
	 * field.
	 */
	private static final Map<String, Optional<Field>> FIELDS = new ConcurrentHashMap<>();

	private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

	private RaftServers() {
	}

	/**
	 * A partition's Raft client: who it sends to, and the thread all its state lives on.
	 */
	record Client(MemberSelectorManager selectors, ThreadContext thread) {
	}

	/**
	 * The Raft contexts of this member's servers in the named group; empty when there are
	 * none yet.
	 */
	static List<RaftContext> contexts(Atomix atomix, String group) {
		List<RaftContext> contexts = new ArrayList<>();
		for (Partition partition : partitions(atomix, group)) {
			context(partition).ifPresent(contexts::add);
		}
		return contexts;
	}

	static List<Partition> partitions(Atomix atomix, String group) {
		if (atomix == null) {
			return List.of();
		}
		try {
			PartitionGroup partitions = group(atomix.getPartitionService(), group);
			return (partitions != null) ? List.copyOf(partitions.getPartitions()) : List.of();
		}
		catch (RuntimeException ex) {
			reportOnce("partitions of " + group, ex);
			return List.of();
		}
	}

	/**
	 * The Raft context of the server behind one partition, if it is a Raft partition
	 * served here.
	 */
	static Optional<RaftContext> context(Partition partition) {
		if (!(partition instanceof RaftPartition)) {
			return Optional.empty();
		}
		return read(partition, "server").flatMap((partitionServer) -> read(partitionServer, "server"))
			.flatMap((server) -> read(server, "context"))
			.filter(RaftContext.class::isInstance)
			.map(RaftContext.class::cast);
	}

	static Optional<Client> client(Partition partition) {
		Optional<Object> client = read(partition, "client")
			.flatMap((partitionClient) -> read(partitionClient, "client"));
		Optional<MemberSelectorManager> selectors = client.flatMap((raftClient) -> read(raftClient, "selectorManager"))
			.filter(MemberSelectorManager.class::isInstance)
			.map(MemberSelectorManager.class::cast);
		Optional<ThreadContext> thread = client.flatMap((raftClient) -> read(raftClient, "threadContext"))
			.filter(ThreadContext.class::isInstance)
			.map(ThreadContext.class::cast);
		return (selectors.isPresent() && thread.isPresent()) ? Optional.of(new Client(selectors.get(), thread.get()))
				: Optional.empty();
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

	/**
	 * The value of a private field, searched up the class hierarchy; empty when absent or
	 * unset.
	 */
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

	/**
	 * Calls one of a follower's private methods: FollowerRole keeps its election timer to
	 * itself, and this is the way in.
	 * @param what what the call is for, in the warning when it cannot be made
	 */
	static void callFollower(FollowerRole follower, String method, String what) {
		try {
			Method declared = FollowerRole.class.getDeclaredMethod(method);
			declared.setAccessible(true);
			declared.invoke(follower);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			reportOnce(what, ex);
		}
	}

	static void reportOnce(String what, Exception ex) {
		if (REPORTED.add(what)) {
			log.warn(
					"Cannot reach the Raft server's {} ({}); its Raft state shows as unknown and its tuning is skipped",
					what, ex.toString());
		}
	}

}
