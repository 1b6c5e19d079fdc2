package dev.paxoshub.consensus.raft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.paxoshub.consensus.AccountCodec;
import dev.paxoshub.consensus.Projection;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.store.Account;
import io.atomix.core.map.AsyncAtomicMap;
import io.atomix.core.map.AtomicMapEvent;
import io.atomix.utils.time.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the node's database in step with what the Raft group agreed. Commit events are
 * queued and written by one thread in batches, newest version per account, so neither
 * Atomix's event thread nor the writer who made the change waits for the database. A full
 * comparison with the map catches up whatever events a node missed: when its member joins
 * or gets a new session, when it sees a majority again, and every catch-up interval
 * besides.
 */
@Component
@ConditionalOnProperty(name = "paxoshub.raft.enabled", havingValue = "true", matchIfMissing = true)
class RaftProjectionSync implements SchedulingConfigurer, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RaftProjectionSync.class);

	private static final int BATCH = 256;

	private final RaftMember member;

	private final AccountCodec codec;

	private final Projection projection;

	private final NodeIdentity node;

	private final Duration checkInterval;

	private final Duration fullInterval;

	private final Duration timeout;

	/** The newest agreed value of each entry that is not in the database yet. */
	private final Map<String, Versioned<String>> pending = new ConcurrentHashMap<>();

	/**
	 * The map version last written to the database, per entry: a full pass skips what it
	 * has.
	 */
	private final Map<String, Long> written = new ConcurrentHashMap<>();

	private final AtomicBoolean drainQueued = new AtomicBoolean();

	private final ExecutorService writer;

	private volatile AsyncAtomicMap<String, String> listening;

	private volatile boolean sawMajority;

	private final AtomicInteger conflictsSeen = new AtomicInteger(-1);

	private volatile long lastFullPass;

	RaftProjectionSync(RaftMember member, AccountCodec codec, Projection projection, NodeIdentity node,
			PaxoshubProperties properties, RaftSettings raft) {
		this.member = member;
		this.codec = codec;
		this.projection = projection;
		this.node = node;
		this.checkInterval = properties.replication().antiEntropyInterval();
		this.fullInterval = raft.catchUpInterval();
		this.timeout = raft.operationTimeout().multipliedBy(5);
		this.writer = Executors.newSingleThreadExecutor((task) -> new Thread(task, node.name() + "-raft-projection"));
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::check, this.checkInterval);
	}

	@Override
	public void destroy() {
		this.writer.shutdownNow();
	}

	void check() {
		AsyncAtomicMap<String, String> accounts = this.member.accounts();
		boolean majority = accounts != null && this.member.seesMajority();
		boolean regained = majority && !this.sawMajority;
		this.sawMajority = majority;
		if (!majority) {
			return;
		}
		boolean newSession = accounts != this.listening;
		if (newSession) {
			accounts.addListener(this::committed);
			this.listening = accounts;
		}
		boolean reconciled = conflictsChanged();
		if (newSession || regained || reconciled
				|| System.nanoTime() - this.lastFullPass >= this.fullInterval.toNanos()) {
			catchUp(accounts);
		}
	}

	/**
	 * Whether a reconciliation (on any node) settled new conflicts since the last look:
	 * the copies that lost their name here are then marked at once, not at the next full
	 * pass.
	 */
	private boolean conflictsChanged() {
		try {
			int conflicts = this.member.session()
				.conflicts()
				.size()
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return conflicts != this.conflictsSeen.getAndSet(conflicts);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return false;
		}
	}

	private void catchUp(AsyncAtomicMap<String, String> accounts) {
		try {
			int behind = 0;
			List<Account> settled = new ArrayList<>();
			for (Map.Entry<String, Versioned<String>> entry : accounts.sync(this.timeout).entrySet()) {
				if (!isWritten(entry.getKey(), entry.getValue())) {
					queue(entry.getKey(), entry.getValue());
					behind++;
				}
				else {
					settled.add(this.codec.read(entry.getValue().value()));
				}
			}
			this.projection.settle(settled);
			this.lastFullPass = System.nanoTime();
			if (behind > 0) {
				log.info("{} is catching up on {} accounts from the Raft log", this.node.displayName(), behind);
			}
		}
		catch (RuntimeException ex) {
			log.debug("{} could not catch up with the Raft log: {}", this.node.displayName(), ex.toString());
		}
	}

	/**
	 * For reads: the agreed value is in the database before the page reads it, unless it
	 * already was.
	 * @return the agreed account
	 */
	Account writeNow(String key, Versioned<String> agreed) {
		Account account = this.codec.read(agreed.value());
		if (!isWritten(key, agreed)) {
			this.projection.applyAgreed(List.of(account));
			this.written.merge(key, agreed.version(), Math::max);
		}
		return account;
	}

	private void committed(AtomicMapEvent<String, String> event) {
		Versioned<String> value = event.newValue();
		if (value != null) {
			queue(event.key(), value);
		}
	}

	private boolean isWritten(String key, Versioned<String> value) {
		return value.version() <= this.written.getOrDefault(key, -1L);
	}

	private void queue(String key, Versioned<String> value) {
		this.pending.merge(key, value, (held, other) -> (other.version() > held.version()) ? other : held);
		if (this.drainQueued.compareAndSet(false, true)) {
			try {
				this.writer.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// The node is stopping; its next start catches up from the Raft log.
			}
		}
	}

	private void drain() {
		this.drainQueued.set(false);
		while (!this.pending.isEmpty()) {
			Map<String, Versioned<String>> batch = new HashMap<>();
			for (String key : this.pending.keySet()) {
				Versioned<String> value = this.pending.remove(key);
				if (value != null && !isWritten(key, value)) {
					batch.put(key, value);
				}
				if (batch.size() >= BATCH) {
					break;
				}
			}
			write(batch);
		}
	}

	private void write(Map<String, Versioned<String>> batch) {
		List<Account> accounts = new ArrayList<>(batch.size());
		batch.values().forEach((value) -> accounts.add(this.codec.read(value.value())));
		try {
			this.projection.applyAgreed(accounts);
			batch.forEach((key, value) -> this.written.merge(key, value.version(), Math::max));
		}
		catch (RuntimeException ex) {
			// Left out of "written", so the next full pass tries them again.
			log.warn("{} could not write {} agreed accounts to its database: {}", this.node.displayName(), batch.size(),
					ex.toString());
		}
	}

}
