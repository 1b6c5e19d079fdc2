package dev.paxoshub.consensus.off;

import java.util.List;
import java.util.Optional;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.ConsensusStatus;
import dev.paxoshub.consensus.UsernameTakenException;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.AccountStore;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Consensus OFF: the serving node checks only its own database, commits, and then tells
 * its peers when it can. Nothing is agreed before a write, so a node that has not yet
 * heard of {@code paxosexpert} will happily accept it a second time.
 */
@Component
@Qualifier("off")
class LocalFirstConsensus implements Consensus {

	private final AccountStore store;

	private final Replicator replicator;

	LocalFirstConsensus(AccountStore store, Replicator replicator) {
		this.store = store;
		this.replicator = replicator;
	}

	@Override
	public ConsensusMode mode() {
		return ConsensusMode.OFF;
	}

	@Override
	public ConsensusStatus status() {
		return ConsensusStatus.withoutRaft(ConsensusMode.OFF, "local", true);
	}

	@Override
	public void register(Account account) {
		// One node never accepts a name twice itself; the lock keeps check and insert
		// together.
		synchronized (this) {
			List<Account> holders = this.store.copiesOf(account.getUsername());
			if (!holders.isEmpty()) {
				throw new UsernameTakenException(holders.get(0).getUsername());
			}
			this.store.insert(account);
		}
		this.replicator.push(account);
	}

	@Override
	public void update(Account account) {
		this.store.update(account);
		this.replicator.push(account);
	}

	@Override
	public Optional<String> resolve(String username) {
		// Nobody to ask: this is how a node comes to answer 404 for an account its peers
		// know.
		return Optional.empty();
	}

}
