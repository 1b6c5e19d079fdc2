package dev.paxoshub.consensus.off;

import dev.paxoshub.store.Account;
import dev.paxoshub.store.AccountStore;

import org.springframework.stereotype.Component;

/** Stores a copy received from a peer if it is newer than what this node holds. */
@Component
class ReplicaApplier {

	private final AccountStore store;

	ReplicaApplier(AccountStore store) {
		this.store = store;
	}

	/** @return whether the copy was stored */
	synchronized boolean apply(Account incoming) {
		Account local = this.store.byId(incoming.getId()).orElse(null);
		if (!ReplicaVersion.of(incoming).supersedes(local == null ? null : ReplicaVersion.of(local))) {
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
