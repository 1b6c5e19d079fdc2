package dev.paxoshub.consensus.raft;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import io.atomix.core.Atomix;
import io.atomix.core.map.AsyncAtomicMap;
import io.atomix.protocols.raft.MultiRaftProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member's client session on the replicated maps: the accounts map it writes through,
 * the conflicts map reconciliation keeps, and the two remedies for a session that stops
 * answering. Several operations in a row without an answer while a majority is in sight
 * mean a stuck session (seen here after a member had been in a minority): the accounts
 * map is opened again. And while an operation waits, the client may be asked to resend to
 * the current leader, at most once per resend interval however many callers wait.
 */
final class RaftSession {

	private static final Logger log = LoggerFactory.getLogger(RaftSession.class);

	private static final String ACCOUNTS = "accounts";

	private static final String CONFLICTS = "conflicts";

	private static final int STUCK_AFTER = 2;

	private final Atomix atomix;

	private final MultiRaftProtocol protocol;

	private final String node;

	private final Duration resendAfter;

	private volatile AsyncAtomicMap<String, String> accounts;

	private volatile AsyncAtomicMap<String, String> conflicts;

	private final AtomicInteger unanswered = new AtomicInteger();

	private final AtomicLong lastResend = new AtomicLong();

	private boolean reopening;

	private RaftSession(Atomix atomix, MultiRaftProtocol protocol, String node, Duration resendAfter,
			AsyncAtomicMap<String, String> accounts) {
		this.atomix = atomix;
		this.protocol = protocol;
		this.node = node;
		this.resendAfter = resendAfter;
		this.accounts = accounts;
	}

	/** Opens the accounts map on a started member; completes once the session is open. */
	static CompletableFuture<RaftSession> open(Atomix atomix, MultiRaftProtocol protocol, String node,
			Duration resendAfter) {
		return atomix.<String, String>atomicMapBuilder(ACCOUNTS)
			.withProtocol(protocol)
			.buildAsync()
			.thenApply((map) -> new RaftSession(atomix, protocol, node, resendAfter, map.async()));
	}

	/** The replicated map of accounts, keyed by lower-cased username. */
	AsyncAtomicMap<String, String> accounts() {
		return this.accounts;
	}

	/**
	 * Conflicts reconciliation settled, by the losing account's id; opened when first
	 * asked for.
	 */
	synchronized AsyncAtomicMap<String, String> conflicts() {
		if (this.conflicts == null) {
			this.conflicts = this.atomix.<String, String>atomicMapBuilder(CONFLICTS)
				.withProtocol(this.protocol)
				.build()
				.async();
		}
		return this.conflicts;
	}

	void answered() {
		this.unanswered.set(0);
	}

	/**
	 * One more operation without an answer; past a few while a majority is in sight,
	 * reopen.
	 */
	void unanswered(BooleanSupplier seesMajority) {
		if (this.unanswered.incrementAndGet() >= STUCK_AFTER && seesMajority.getAsBoolean()) {
			this.unanswered.set(0);
			reopen();
		}
	}

	/** Asks the client to resend what it waits for to the leader its own server knows. */
	void resendPending() {
		long now = System.nanoTime();
		long last = this.lastResend.get();
		if (now - last >= this.resendAfter.toNanos() && this.lastResend.compareAndSet(last, now)) {
			RaftTuner.resendToLeader(this.atomix, RaftConfiguration.DATA_GROUP);
		}
	}

	/**
	 * A member can keep a majority in view and still get no answer on its client session
	 * for tens of seconds. Opening the map again gives it a new session; the old one is
	 * closed in the background.
	 */
	private synchronized void reopen() {
		if (this.reopening) {
			return;
		}
		this.reopening = true;
		log.warn("{} gets no answers from the Raft group although it sees a majority; opening a new session",
				this.node);
		AsyncAtomicMap<String, String> stale = this.accounts;
		this.atomix.<String, String>atomicMapBuilder(ACCOUNTS)
			.withProtocol(this.protocol)
			.buildAsync()
			.whenComplete((map, failure) -> reopened(stale, (map != null) ? map.async() : null, failure));
	}

	private synchronized void reopened(AsyncAtomicMap<String, String> stale, AsyncAtomicMap<String, String> fresh,
			Throwable failure) {
		this.reopening = false;
		if (failure != null) {
			log.warn("{} could not open a new Raft session: {}", this.node, failure.toString());
			return;
		}
		this.accounts = fresh;
		stale.close();
		log.info("{} has a new Raft session", this.node);
	}

}
