package dev.paxoshub.cluster;

import java.time.Instant;
import java.util.List;

import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.ConsensusStatus;
import dev.paxoshub.store.AccountRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterViewTests {

	static final ConsensusStatus OFF = ConsensusStatus.withoutRaft(ConsensusMode.OFF, "local", true);

	static AccountRecord record(String id, String username, String origin) {
		return new AccountRecord(id, username, username + "@example.org", origin, Instant.EPOCH, Instant.EPOCH, 1,
				origin, 0, List.of(), false);
	}

	static AccountRecord released(String id, String username, String origin) {
		return new AccountRecord(id, username, username + "@example.org", origin, Instant.EPOCH, Instant.EPOCH, 1,
				origin, 0, List.of(), true);
	}

	@Test
	void theSameAccountSeenOnEveryNodeIsNoConflict() {
		AccountRecord one = record("id-1", "paxosexpert", "morpheus");
		assertThat(ClusterView.conflictingNames(List.of(new NodeAccounts("morpheus", OFF, List.of(one)),
				new NodeAccounts("neo", OFF, List.of(one)), new NodeAccounts("trinity", OFF, List.of()))))
			.isEmpty();
	}

	@Test
	void twoAccountsUnderOneNameAreAConflictEvenOnDifferentNodes() {
		assertThat(ClusterView.conflictingNames(
				List.of(new NodeAccounts("morpheus", OFF, List.of(record("id-1", "paxosexpert", "morpheus"))),
						new NodeAccounts("neo", OFF,
								List.of(record("id-2", "PaxosExpert", "neo"), record("id-3", "neo", "neo"))))))
			.containsExactly("paxosexpert");
	}

	@Test
	void aCopyKeptAsideByReconciliationSplitsNoNameButCountsAsReconciled() {
		List<NodeAccounts> reports = List.of(
				new NodeAccounts("morpheus", OFF, List.of(record("id-1", "paxosexpert", "morpheus"))),
				new NodeAccounts("neo", OFF,
						List.of(record("id-1", "paxosexpert", "morpheus"), released("id-2", "paxosexpert", "neo"))));
		assertThat(ClusterView.conflictingNames(reports)).isEmpty();
		assertThat(ClusterView.reconciledNames(reports)).containsExactly("paxosexpert");
	}

	@Test
	void aReleasedCopyDoesNotHideANewSplitOfTheSameName() {
		List<NodeAccounts> reports = List.of(
				new NodeAccounts("morpheus", OFF,
						List.of(record("id-1", "paxosexpert", "morpheus"), released("id-2", "paxosexpert", "neo"))),
				new NodeAccounts("trinity", OFF, List.of(record("id-3", "paxosexpert", "trinity"))));
		assertThat(ClusterView.conflictingNames(reports)).containsExactly("paxosexpert");
	}

}
