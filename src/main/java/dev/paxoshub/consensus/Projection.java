package dev.paxoshub.consensus;

import dev.paxoshub.store.Account;
import dev.paxoshub.store.AccountStore;

import org.springframework.stereotype.Component;

/**
 * Keeps this node's database a projection of what was committed elsewhere: a copy from a peer
 * (consensus OFF) or from the Raft log (consensus ON) is stored if it is newer than what the node
 * holds.
 */
@Component
public class Projection {

	private final AccountStore store;

	Projection(AccountStore store) {
		this.store = store;
	}

	/** @return whether the copy was stored */
	public synchronized boolean apply(Account incoming) {
		Account local = this.store.byId(incoming.getId()).orElse(null);
		if (!AccountVersion.of(incoming).supersedes(local == null ? null : AccountVersion.of(local))) {
			return false;
		}
		if (local == null) {
			this.store.insert(incoming);
		}
		else {
			this.store.update(incoming);
		}
		return true;
	}

}
