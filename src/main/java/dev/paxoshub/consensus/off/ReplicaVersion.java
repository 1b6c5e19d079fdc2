package dev.paxoshub.consensus.off;

import java.time.Instant;
import java.util.Comparator;

import dev.paxoshub.store.Account;

/**
 * How far an account's history has got on one node. Without consensus, two nodes can change the
 * same account concurrently; the higher revision wins, then the later change, then the node name
 * so that every node settles on the same copy (last writer wins, and the loser's edit is lost).
 */
record ReplicaVersion(String id, long revision, Instant updatedAt, String lastWriter) {

	private static final Comparator<ReplicaVersion> ORDER = Comparator.comparingLong(ReplicaVersion::revision)
		.thenComparing(ReplicaVersion::updatedAt)
		.thenComparing(ReplicaVersion::lastWriter);

	static ReplicaVersion of(Account account) {
		return new ReplicaVersion(account.getId(), account.getRevision(), account.getUpdatedAt(),
				account.getLastWriter());
	}

	/** Whether a node holding {@code local} (null when it has none) should take this version. */
	boolean supersedes(ReplicaVersion local) {
		return local == null || ORDER.compare(this, local) > 0;
	}

}
