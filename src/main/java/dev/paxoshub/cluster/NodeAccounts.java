package dev.paxoshub.cluster;

import java.util.List;

import dev.paxoshub.consensus.ConsensusStatus;
import dev.paxoshub.store.AccountRecord;

/** Every account record one node's database holds, duplicates included. */
public record NodeAccounts(String node, ConsensusStatus consensus, List<AccountRecord> accounts) {

	/** The same records without the private emails, for anyone but the operator. */
	NodeAccounts withoutEmails() {
		return new NodeAccounts(this.node, this.consensus,
				this.accounts.stream().map(AccountRecord::withoutEmail).toList());
	}

}
