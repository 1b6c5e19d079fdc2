package dev.paxoshub.consensus.raft;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.paxoshub.node.Links;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties;
import io.atomix.cluster.Member;
import io.atomix.core.Atomix;
import io.atomix.core.map.AsyncAtomicMap;
import io.atomix.protocols.raft.MultiRaftProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's member of the Atomix cluster (laid out by {@link RaftConfiguration}), over
 * TCP on the node's Raft port, logs under {@code <data-dir>/<node>/raft/}: its life from
 * joining to stopping, and what it can see of the others.
 * <p>
 * Atomix completes its start only once a majority is there, so the member starts in the
 * background: the node serves pages meanwhile, reports "joining", and refuses writes. A
 * member that never finishes joining is started again after the start timeout. Its
 * messaging goes through the node's {@link Links}, unless the context holds an
 * {@link AtomixFactory} of its own (a test's).
 */
@Component
@ConditionalOnProperty(name = "paxoshub.raft.enabled", havingValue = "true", matchIfMissing = true)
public class RaftMember implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RaftMember.class);

	public enum State {

		JOINING, READY, STOPPED

	}

	private final NodeIdentity node;

	private final Path raftDir;

	private final String bindAddress;

	private final RaftSettings settings;

	private final RaftTimeouts timeouts;

	private final MultiRaftProtocol protocol;

	private final AtomixFactory factory;

	private final ScheduledExecutorService watchdog = Executors
		.newSingleThreadScheduledExecutor((task) -> new Thread(task, "raft-member-watchdog"));

	private volatile Atomix atomix;

	private volatile State state = State.STOPPED;

	private volatile Instant joiningSince;

	private volatile RaftSession session;

	/**
	 * A peer unheard for this many heartbeats is taken as gone: followers hear their
	 * leader every heartbeat, and the leader hears their answers.
	 */
	private static final int SILENT_HEARTBEATS = 20;

	private static final Duration MIN_SILENCE = Duration.ofMillis(1000);

	/**
	 * The node's links, when its messages pass through them (not for a given factory).
	 */
	private final Links links;

	private final Duration silence;

	/** Why the member is not ready, for the dashboard; null when nothing went wrong. */
	private volatile String problem;

	RaftMember(NodeIdentity node, PaxoshubProperties properties, RaftSettings settings,
			ObjectProvider<AtomixFactory> factory, Links links) {
		this.node = node;
		AtomixFactory given = factory.getIfAvailable();
		this.factory = (given != null) ? given : LinkedAtomix.factory(links, node);
		this.links = (given != null) ? null : links;
		Duration heartbeats = settings.heartbeatInterval().multipliedBy(SILENT_HEARTBEATS);
		this.silence = (heartbeats.compareTo(MIN_SILENCE) > 0) ? heartbeats : MIN_SILENCE;
		this.raftDir = properties.dataDir().resolve(node.name()).resolve("raft");
		this.bindAddress = properties.bindAddress();
		this.settings = settings;
		this.timeouts = new RaftTimeouts(settings);
		this.protocol = RaftConfiguration.protocol(settings.sessionTimeout());
	}

	@Override
	public synchronized void start() {
		this.state = State.JOINING;
		join();
		long check = Math.max(1, this.settings.startTimeout().toSeconds() / 4);
		this.watchdog.scheduleWithFixedDelay(this::rejoinIfStuck, check, check, TimeUnit.SECONDS);
	}

	private synchronized void join() {
		Atomix member = this.factory
			.create(RaftConfiguration.member(this.node, this.raftDir, this.settings.storage(), this.bindAddress));
		this.atomix = member;
		this.joiningSince = Instant.now();
		log.info("{} is joining the Raft cluster on port {}", this.node.displayName(), this.node.self().raftPort());
		this.timeouts.applyWhileJoining(member, () -> member == this.atomix && this.state == State.JOINING,
				this.watchdog);
		member.start()
			.thenCompose((started) -> RaftSession.open(member, this.protocol, this.node.displayName(),
					this.settings.resendAfter()))
			.whenComplete((session, failure) -> joined(member, session, failure));
	}

	private synchronized void joined(Atomix member, RaftSession session, Throwable failure) {
		if (failure != null) {
			log.warn("{} could not join the Raft cluster: {}", this.node.displayName(), failure.toString());
			this.problem = "could not join: " + rootMessage(failure);
		}
		else if (member == this.atomix && this.state == State.JOINING) {
			this.session = session;
			this.state = State.READY;
			this.problem = null;
			log.info("{} has joined the Raft cluster in {} ms", this.node.displayName(),
					Duration.between(this.joiningSince, Instant.now()).toMillis());
			this.timeouts.applyTo(member, this.node.displayName());
		}
	}

	/**
	 * A member sometimes never finishes joining even once its peers are up (seen after
	 * restarts on this machine). After the start timeout it is stopped and started afresh
	 * from its own log.
	 */
	private synchronized void rejoinIfStuck() {
		if (this.state != State.JOINING
				|| Duration.between(this.joiningSince, Instant.now()).compareTo(this.settings.startTimeout()) < 0) {
			return;
		}
		this.problem = "not joined after " + this.settings.startTimeout().toSeconds() + " s; started again";
		log.warn("{} has not joined the Raft cluster after {} s; starting its member again", this.node.displayName(),
				this.settings.startTimeout().toSeconds());
		leave(this.atomix);
		join();
	}

	@Override
	public synchronized void stop() {
		this.state = State.STOPPED;
		this.session = null;
		this.watchdog.shutdownNow();
		handOver(this.atomix);
		leave(this.atomix);
	}

	/**
	 * If this member leads a group, it steps down before it stops, so writes through the
	 * others resume after one election instead of stalling while its shutdown runs
	 * (seconds, seen here).
	 */
	private void handOver(Atomix member) {
		long handedOver = RaftTuner.handOver(member, this.settings.operationTimeout());
		if (handedOver > 0) {
			log.info("{} handed the lead of {} Raft group(s) over before stopping", this.node.displayName(),
					handedOver);
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
		String shown = this.state.name().toLowerCase(Locale.ROOT);
		return (reason != null && this.state == State.JOINING) ? shown + " (" + reason + ")" : shown;
	}

	/**
	 * Whether this member can currently see a majority of the cluster (itself included):
	 * Atomix's failure detector finds it reachable, and it heard from enough peers within
	 * the last second or so. The second check is what notices peers that went silent
	 * without a goodbye, or a cut link, long before the failure detector does.
	 */
	public boolean seesMajority() {
		if (this.state != State.READY) {
			return false;
		}
		if (this.links != null && (this.links.peersHeardWithin(this.silence) + 1) * 2 <= this.node.all().size()) {
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

	/** What this member's server for the accounts partition says about itself. */
	public RaftServerState serverState() {
		return (this.state != State.STOPPED) ? RaftProbe.state(this.atomix, RaftConfiguration.DATA_GROUP)
				: RaftServerState.UNKNOWN;
	}

	/** The member's session on the replicated maps; null until it is ready. */
	RaftSession session() {
		return this.session;
	}

	/**
	 * The replicated map of accounts, keyed by lower-cased username; null until the
	 * member is ready. Public for the benchmark, which times a bare put on it.
	 */
	public AsyncAtomicMap<String, String> accounts() {
		RaftSession current = this.session;
		return (current != null) ? current.accounts() : null;
	}

	/**
	 * The member itself, for tools that need Atomix directly (the benchmark cuts its
	 * network).
	 */
	public Atomix atomix() {
		return this.atomix;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

}
