package dev.paxoshub.store;

import java.time.Instant;
import java.util.Comparator;

/**
 * How far an account's history has got on one node. Without consensus, two nodes can
 * change the same account concurrently; the higher revision wins, then the later change,
 * then the node name so that every node settles on the same copy (last writer wins, and
 * the loser's edit is lost). With consensus the revisions of an account are agreed, so
 * the same rule only ever moves forward.
 */
public record AccountVersion(String id, long revision, Instant updatedAt, String lastWriter) {

	private static final Comparator<AccountVersion> ORDER = Comparator.comparingLong(AccountVersion::revision)
		.thenComparing(AccountVersion::updatedAt)
		.thenComparing(AccountVersion::lastWriter);

	public static AccountVersion of(Account account) {
		return new AccountVersion(account.getId(), account.getRevision(), account.getUpdatedAt(),
				account.getLastWriter());
	}

	/**
	 * Whether a node holding {@code local} (null when it has none) should take this
	 * version.
	 */
	public boolean supersedes(AccountVersion local) {
		return local == null || ORDER.compare(this, local) > 0;
	}

}
