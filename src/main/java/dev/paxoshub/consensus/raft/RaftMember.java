package dev.paxoshub.consensus.raft;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import io.atomix.cluster.ClusterConfig;
import io.atomix.cluster.Member;
import io.atomix.cluster.MemberConfig;
import io.atomix.cluster.Node;
import io.atomix.cluster.discovery.BootstrapDiscoveryProvider;
import io.atomix.cluster.messaging.MessagingConfig;
import io.atomix.core.Atomix;
import io.atomix.core.AtomixConfig;
import io.atomix.core.map.AsyncAtomicMap;
import io.atomix.core.map.AtomicMap;
import io.atomix.primitive.Recovery;
import io.atomix.protocols.raft.MultiRaftProtocol;
import io.atomix.protocols.raft.ReadConsistency;
import io.atomix.protocols.raft.partition.RaftPartitionGroup;
import io.atomix.storage.StorageLevel;
import io.atomix.utils.net.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's member of the Atomix cluster: a Raft management group and one Raft partition of
 * three replicas, over TCP on the node's Raft port, logs under {@code <data-dir>/<node>/raft/}.
 * <p>
 * Atomix completes its start only once a majority is there, so the member starts in the
 * background: the node serves pages meanwhile, reports "joining", and refuses writes.
 * <p>
 * The member is made by an {@link AtomixFactory} from the configuration written here, so a test or
 * the chaos controls can give it a messaging service that cuts or slows chosen traffic.
 */
@Component
@ConditionalOnProperty(name = "paxoshub.raft.enabled", havingValue = "true", matchIfMissing = true)
public class RaftMember implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RaftMember.class);

	static final String SYSTEM_GROUP = "system";

	static final String DATA_GROUP = "data";

	public enum State {

		JOINING, READY, STOPPED

	}

	private final NodeIdentity node;

	private final Path raftDir;

	private final String bindAddress;

	/** Start timeout, and the election timeout and heartbeat interval to apply once ready. */
	private final PaxoshubProperties.Raft timeouts;

	private final MultiRaftProtocol protocol;

	private final AtomixFactory factory;

	private final ScheduledExecutorService watchdog = Executors
		.newSingleThreadScheduledExecutor((task) -> new Thread(task, "raft-member-watchdog"));

	private volatile Atomix atomix;

	private volatile State state = State.STOPPED;

	private volatile Instant joiningSince;

	private volatile AsyncAtomicMap<String, String> accounts;

	private boolean reopening;

	private final AtomicLong lastResend = new AtomicLong();

	/** Why the member is not ready, for the dashboard; null when nothing went wrong. */
	private volatile String problem;

	RaftMember(NodeIdentity node, PaxoshubProperties properties, ObjectProvider<AtomixFactory> factory) {
		this.node = node;
		this.factory = factory.getIfAvailable(AtomixFactory::standard);
		this.raftDir = properties.dataDir().resolve(node.name()).resolve("raft");
		this.bindAddress = properties.bindAddress();
		this.timeouts = properties.raft();
		this.protocol = MultiRaftProtocol.builder(DATA_GROUP)
			.withReadConsistency(ReadConsistency.LINEARIZABLE)
			.withRecoveryStrategy(Recovery.RECOVER)
			.withMaxTimeout(properties.raft().sessionTimeout())
			.build();
	}

	/**
	 * The member's configuration: this node's address, its peers to bootstrap from, and the two
	 * Raft groups over all three nodes with their logs in this node's data folder. The member
	 * listens (TCP and UDP) on the bind address only; Raft traffic itself is not authenticated,
	 * so it belongs on loopback or a private network.
	 */
	static AtomixConfig config(NodeIdentity node, Path raftDir, StorageLevel storage, String bindAddress) {
		List<Node> members = node.all().stream().map(RaftMember::memberOf).toList();
		String[] names = node.all().stream().map(NodeAddress::name).toArray(String[]::new);
		NodeAddress self = node.self();
		return new AtomixConfig()
			.setClusterConfig(new ClusterConfig()
				.setNodeConfig(new MemberConfig().setId(self.name())
					.setAddress(Address.from(self.url().getHost(), self.raftPort())))
				.setDiscoveryConfig(BootstrapDiscoveryProvider.builder().withNodes(members).build().config())
				.setMessagingConfig(new MessagingConfig().setInterfaces(List.of(bindAddress))))
			.setManagementGroup(RaftPartitionGroup.builder(SYSTEM_GROUP)
				.withNumPartitions(1)
				.withMembers(names)
				.withDataDirectory(new File(raftDir.toFile(), SYSTEM_GROUP))
				.withStorageLevel(storage)
				.build()
				.config())
			.addPartitionGroup(RaftPartitionGroup.builder(DATA_GROUP)
				.withNumPartitions(1)
				.withPartitionSize(names.length)
				.withMembers(names)
				.withDataDirectory(new File(raftDir.toFile(), DATA_GROUP))
				.withStorageLevel(storage)
				.build()
				.config());
	}

	private static Node memberOf(NodeAddress address) {
		return Node.builder().withId(address.name()).withAddress(address.url().getHost(), address.raftPort()).build();
	}

	@Override
	public synchronized void start() {
		this.state = State.JOINING;
		join();
		long check = Math.max(1, this.timeouts.startTimeout().toSeconds() / 4);
		this.watchdog.scheduleWithFixedDelay(this::rejoinIfStuck, check, check, TimeUnit.SECONDS);
	}

	private synchronized void join() {
		Atomix member = this.factory.create(config(this.node, this.raftDir, this.timeouts.storage(), this.bindAddress));
		this.atomix = member;
		this.joiningSince = Instant.now();
		log.info("{} is joining the Raft cluster on port {}", this.node.displayName(), this.node.self().raftPort());
		member.start()
			.thenCompose((started) -> member.<String, String>atomicMapBuilder("accounts")
				.withProtocol(this.protocol)
				.buildAsync())
			.whenComplete((map, failure) -> joined(member, map, failure));
	}

	private synchronized void joined(Atomix member, AtomicMap<String, String> map, Throwable failure) {
		if (failure != null) {
			log.warn("{} could not join the Raft cluster: {}", this.node.displayName(), failure.toString());
			this.problem = "could not join: " + rootMessage(failure);
		}
		else if (member == this.atomix && this.state == State.JOINING) {
			this.accounts = map.async();
			this.state = State.READY;
			this.problem = null;
			log.info("{} has joined the Raft cluster in {} ms", this.node.displayName(),
					Duration.between(this.joiningSince, Instant.now()).toMillis());
			tuneTimeouts(member);
		}
	}

	/**
	 * A member sometimes never finishes joining even once its peers are up (seen after restarts on
	 * this machine). After the start timeout it is stopped and started afresh from its own log.
	 */
	private synchronized void rejoinIfStuck() {
		if (this.state != State.JOINING || Duration.between(this.joiningSince, Instant.now()).compareTo(this.timeouts.startTimeout()) < 0) {
			return;
		}
		this.problem = "not joined after " + this.timeouts.startTimeout().toSeconds() + " s; started again";
		log.warn("{} has not joined the Raft cluster after {} s; starting its member again",
				this.node.displayName(), this.timeouts.startTimeout().toSeconds());
		leave(this.atomix);
		join();
	}

	@Override
	public synchronized void stop() {
		this.state = State.STOPPED;
		this.watchdog.shutdownNow();
		handOver(this.atomix);
		leave(this.atomix);
	}

	/**
	 * If this member leads a group, it steps down before it stops, so writes through the others
	 * resume after one election instead of stalling while its shutdown runs (seconds, seen here).
	 */
	private void handOver(Atomix member) {
		Duration patience = this.timeouts.operationTimeout();
		List<CompletableFuture<Boolean>> handOvers = Stream.of(SYSTEM_GROUP, DATA_GROUP)
			.flatMap((group) -> RaftInternals.contexts(member, group).stream())
			.map((context) -> RaftInternals.handOver(context, patience))
			.toList();
		long handedOver = handOvers.stream()
			.filter((handOver) -> Boolean.TRUE.equals(handOver.exceptionally((failure) -> false).join()))
			.count();
		if (handedOver > 0) {
			log.info("{} handed the lead of {} Raft group(s) over before stopping", this.node.displayName(), handedOver);
		}
	}

	private void leave(Atomix member) {
		try {
			member.stop().get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			log.warn("{} did not leave the Raft cluster cleanly: {}", this.node.displayName(), ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.state != State.STOPPED;
	}

	public State state() {
		return this.state;
	}

	/** The state as the dashboard shows it, with the reason when joining went wrong. */
	String describe() {
		String reason = this.problem;
		String state = this.state.name().toLowerCase();
		return (reason != null && this.state == State.JOINING) ? state + " (" + reason + ")" : state;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	/**
	 * Whether this member can currently see a majority of the cluster (itself included). Atomix's
	 * failure detector decides who is reachable, so a peer that just died still counts for a moment:
	 * writes in that moment time out and are reported as "outcome unknown".
	 */
	public boolean seesMajority() {
		if (this.state != State.READY) {
			return false;
		}
		Member local = this.atomix.getMembershipService().getLocalMember();
		long reachable = this.atomix.getMembershipService()
			.getMembers()
			.stream()
			.filter((member) -> member.id().equals(local.id()) || member.isReachable())
			.count();
		return reachable * 2 > this.node.all().size();
	}

	/**
	 * A member can keep a majority in view and still get no answer on its client session for tens
	 * of seconds (seen here after it had been in a minority). Opening the map again gives it a new
	 * session; the old one is closed in the background.
	 */
	synchronized void reopenSession() {
		Atomix member = this.atomix;
		AsyncAtomicMap<String, String> stale = this.accounts;
		if (this.state != State.READY || this.reopening) {
			return;
		}
		this.reopening = true;
		log.warn("{} gets no answers from the Raft group although it sees a majority; opening a new session",
				this.node.displayName());
		member.<String, String>atomicMapBuilder("accounts").withProtocol(this.protocol).buildAsync()
			.whenComplete((map, failure) -> reopened(member, stale, map, failure));
	}

	private synchronized void reopened(Atomix member, AsyncAtomicMap<String, String> stale, AtomicMap<String, String> map,
			Throwable failure) {
		this.reopening = false;
		if (failure != null) {
			log.warn("{} could not open a new Raft session: {}", this.node.displayName(), failure.toString());
			return;
		}
		if (member == this.atomix && this.state == State.READY) {
			this.accounts = map.async();
			stale.close();
			log.info("{} has a new Raft session", this.node.displayName());
		}
	}

	/**
	 * Asks this member's Raft client to resend the operations it waits for to the leader its own
	 * server knows; at most once per resend interval, however many callers wait.
	 */
	void resendPending() {
		long now = System.nanoTime();
		long last = this.lastResend.get();
		if (this.state == State.READY && now - last >= this.timeouts.resendAfter().toNanos()
				&& this.lastResend.compareAndSet(last, now)) {
			RaftInternals.resendToLeader(this.atomix, DATA_GROUP);
		}
	}

	/** The replicated map of accounts, keyed by lower-cased username; null until the member is ready. */
	AsyncAtomicMap<String, String> accounts() {
		return this.accounts;
	}

	Atomix atomix() {
		return this.atomix;
	}

	/**
	 * Atomix fixes its Raft timeouts at 2.5 s (election) and 250 ms (heartbeat), which makes a
	 * failover take seconds. Once ready, this member's servers of both groups take the configured
	 * ones on their own Raft threads; a server that leads at that moment steps down once, since a
	 * leader keeps the heartbeat interval it was elected with.
	 */
	private void tuneTimeouts(Atomix member) {
		Duration election = this.timeouts.electionTimeout();
		Duration heartbeat = this.timeouts.heartbeatInterval();
		if (election == null || heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()
				|| heartbeat.compareTo(election) >= 0) {
			log.warn("{} keeps Atomix's Raft timeouts: heartbeat interval {} must be positive and below the "
					+ "election timeout {}", this.node.displayName(), heartbeat, election);
			return;
		}
		List<CompletableFuture<RaftInternals.Tuning>> tunings = RaftInternals.tune(member, election, heartbeat,
				SYSTEM_GROUP, DATA_GROUP);
		if (tunings.isEmpty()) {
			log.warn("{} cannot reach its Raft servers; they keep Atomix's timeouts (election 2500 ms, "
					+ "heartbeat 250 ms)", this.node.displayName());
			return;
		}
		CompletableFuture.allOf(tunings.toArray(CompletableFuture[]::new))
			.whenComplete((done, failure) -> {
				List<RaftInternals.Tuning> applied = tunings.stream()
					.filter((tuning) -> !tuning.isCompletedExceptionally())
					.map(CompletableFuture::join)
					.toList();
				log.info("{} applied Raft timeouts (election {} ms, heartbeat {} ms) to {} of {} servers: {}",
						this.node.displayName(), election.toMillis(), heartbeat.toMillis(), applied.size(),
						tunings.size(), applied);
				if (failure != null) {
					log.warn("{} could not tune every Raft server: {}", this.node.displayName(), failure.toString());
				}
			});
	}

}
