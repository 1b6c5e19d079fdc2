package dev.paxoshub.cluster;

import java.util.List;

import dev.paxoshub.consensus.ConsensusStatus;
import dev.paxoshub.store.AccountRecord;

/** Every account record one node's database holds, duplicates included. */
public record NodeAccounts(String node, ConsensusStatus consensus, List<AccountRecord> accounts) {
}
