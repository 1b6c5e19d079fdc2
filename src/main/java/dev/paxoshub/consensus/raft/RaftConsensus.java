package dev.paxoshub.consensus.raft;

import java.util.Optional;
import java.util.concurrent.TimeoutException;

import dev.paxoshub.consensus.AccountCodec;
import dev.paxoshub.consensus.ConcurrentChangeException;
import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.ConsensusStatus;
import dev.paxoshub.consensus.ConsensusUnavailableException;
import dev.paxoshub.consensus.UsernameTakenException;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.store.Account;
import io.atomix.core.map.AsyncAtomicMap;
import io.atomix.utils.time.Versioned;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Consensus ON: an account exists once the Raft group has agreed on it. The whole account
 * lives in one replicated map entry keyed by the lower-cased username, so claiming a name
 * and storing the account are one linearizable put-if-absent, and every later change is a
 * compare-and-set on the entry's version. The node's own database is only a projection of
 * what was agreed, written from commit events and whenever a read asks Raft first
 * ({@link #resolve}); a write does not wait for it, since no read trusts the projection
 * without asking.
 * <p>
 * Every operation is bounded ({@link RaftCalls}). A node that knows it has no majority
 * sends nothing; an operation that was sent and timed out may still commit later, so it
 * is settled by reading back, and if even that fails the answer says the outcome is
 * unknown.
 */
@Component
@Qualifier("on")
@ConditionalOnProperty(name = "paxoshub.raft.enabled", havingValue = "true", matchIfMissing = true)
class RaftConsensus implements Consensus {

	private final RaftMember member;

	private final RaftCalls calls;

	private final AccountCodec codec;

	private final RaftProjectionSync projection;

	private final NodeIdentity node;

	RaftConsensus(RaftMember member, RaftCalls calls, AccountCodec codec, RaftProjectionSync projection,
			NodeIdentity node) {
		this.member = member;
		this.calls = calls;
		this.codec = codec;
		this.projection = projection;
		this.node = node;
	}

	@Override
	public ConsensusMode mode() {
		return ConsensusMode.ON;
	}

	/**
	 * The member's state, and what its Raft server for the accounts partition says about
	 * itself, read from the server (not from Atomix's client-side view); unknown while it
	 * is not running.
	 */
	@Override
	public ConsensusStatus status() {
		RaftServerState raft = this.member.serverState();
		return new ConsensusStatus(ConsensusMode.ON, this.member.describe(), this.member.seesMajority(), raft.role(),
				raft.term(), raft.leader(), raft.commitIndex(), raft.lastApplied());
	}

	@Override
	public void register(Account account) {
		AsyncAtomicMap<String, String> accounts = writable();
		String key = account.getUsernameKey();
		String body = this.codec.write(account);
		Versioned<String> existing;
		try {
			existing = this.calls.await(() -> accounts.putIfAbsent(key, body));
		}
		catch (TimeoutException ex) {
			existing = settle(accounts, key);
			if (existing == null) {
				// Not there yet, but the put may still be in the log: nobody can say it
				// failed.
				throw ConsensusUnavailableException.outcomeUnknown(this.node.displayName());
			}
		}
		if (existing != null) {
			Account holder = this.codec.read(existing.value());
			if (!holder.getId().equals(account.getId())) {
				throw new UsernameTakenException(holder.getUsername());
			}
		}
	}

	@Override
	public void update(Account account) {
		AsyncAtomicMap<String, String> accounts = writable();
		String key = account.getUsernameKey();
		try {
			Versioned<String> current = this.calls.await(() -> accounts.get(key));
			Account agreed = (current != null) ? this.codec.read(current.value()) : null;
			// The change was made on top of revision - 1; anything else means someone got
			// there first.
			if (agreed == null || !agreed.getId().equals(account.getId())
					|| agreed.getRevision() != account.getRevision() - 1) {
				throw new ConcurrentChangeException(account.getUsername());
			}
			String body = this.codec.write(account);
			if (!this.calls.await(() -> accounts.replace(key, current.version(), body))) {
				throw new ConcurrentChangeException(account.getUsername());
			}
		}
		catch (TimeoutException ex) {
			settleUpdate(accounts, account);
		}
	}

	/** An update that timed out counts if the agreed entry now is exactly this change. */
	private void settleUpdate(AsyncAtomicMap<String, String> accounts, Account account) {
		Versioned<String> after = settle(accounts, account.getUsernameKey());
		Account agreed = (after != null) ? this.codec.read(after.value()) : null;
		boolean applied = agreed != null && agreed.getRevision() == account.getRevision()
				&& agreed.getUpdatedAt().equals(account.getUpdatedAt())
				&& agreed.getLastWriter().equals(account.getLastWriter());
		if (!applied) {
			boolean stillPossible = agreed != null && agreed.getRevision() == account.getRevision() - 1;
			throw stillPossible ? ConsensusUnavailableException.outcomeUnknown(this.node.displayName())
					: new ConcurrentChangeException(account.getUsername());
		}
	}

	@Override
	public Optional<String> resolve(String username) {
		AsyncAtomicMap<String, String> accounts = this.member.accounts();
		if (this.member.state() == RaftMember.State.JOINING) {
			throw ConsensusUnavailableException.stillJoining(this.node.displayName());
		}
		if (accounts == null || !this.member.seesMajority()) {
			throw ConsensusUnavailableException.cannotRead(this.node.displayName());
		}
		try {
			String key = Account.keyOf(username);
			Versioned<String> agreed = this.calls.await(() -> accounts.get(key));
			return (agreed != null) ? Optional.of(this.projection.writeNow(key, agreed).getId()) : Optional.empty();
		}
		catch (TimeoutException ex) {
			throw ConsensusUnavailableException.cannotRead(this.node.displayName());
		}
	}

	/** The map, if this node may write now; otherwise nothing is sent at all. */
	private AsyncAtomicMap<String, String> writable() {
		AsyncAtomicMap<String, String> accounts = this.member.accounts();
		if (this.member.state() == RaftMember.State.JOINING) {
			throw ConsensusUnavailableException.stillJoining(this.node.displayName());
		}
		if (accounts == null || !this.member.seesMajority()) {
			throw ConsensusUnavailableException.noMajority(this.node.displayName());
		}
		return accounts;
	}

	/**
	 * A write timed out, so it may or may not commit: read the entry back to find out. If
	 * the read times out too, nobody can tell yet, and the person is told exactly that.
	 */
	private Versioned<String> settle(AsyncAtomicMap<String, String> accounts, String key) {
		if (!this.member.seesMajority()) {
			throw ConsensusUnavailableException.outcomeUnknown(this.node.displayName());
		}
		try {
			return this.calls.await(() -> accounts.get(key));
		}
		catch (TimeoutException ex) {
			throw ConsensusUnavailableException.outcomeUnknown(this.node.displayName());
		}
	}

}
