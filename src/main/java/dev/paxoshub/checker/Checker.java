package dev.paxoshub.checker;

import java.util.List;

/**
 * The checker: a pure function from a run's history and the nodes' final state to a
 * verdict. Each name is an independent account register; what is checked, and why each
 * check holds, lives in one small class per check.
 * <ul>
 * <li>{@link Duplicates}: one name told to two owners;</li>
 * <li>{@link LostWrites}: acknowledged claims and edits a node no longer shows after
 * healing;</li>
 * <li>{@link StaleReads}: reads older than a write acknowledged before they began;</li>
 * <li>{@link KeyCheck}: per name, whether some order of its operations explains every
 * answer (linearizability), or that the search gave up before it could tell;</li>
 * <li>{@link Outages} and {@link Recoveries}: how long writes stopped around each fault,
 * how soon each node served again.</li>
 * </ul>
 */
public final class Checker {

	private Checker() {
	}

	public static Verdict check(History history, FinalState finalState) {
		return check(history, finalState, Linearizability.STEP_LIMIT);
	}

	/**
	 * @param stepLimit how far the linearizability search may go on one name before it is
	 * left undecided
	 */
	static Verdict check(History history, FinalState finalState, long stepLimit) {
		long started = System.nanoTime();
		List<KeyOps> keys = KeyOps.of(history);
		ClaimedAccounts accounts = new ClaimedAccounts(finalState);
		List<Verdict.Duplicate> duplicates = Duplicates.of(keys, accounts, finalState);
		List<Verdict.LostWrite> lostWrites = LostWrites.of(keys, finalState);
		List<Verdict.StaleRead> staleReads = StaleReads.of(keys);
		List<Verdict.KeyResult> results = keys.stream().map((key) -> KeyCheck.of(key, accounts, stepLimit)).toList();
		List<Verdict.Outage> outages = Outages.of(history);
		List<Verdict.Recovery> recoveries = Recoveries.of(finalState);
		boolean anomaly = !duplicates.isEmpty() || !lostWrites.isEmpty() || !staleReads.isEmpty()
				|| has(results, Verdict.KeyStatus.NOT_LINEARIZABLE)
				|| !recoveries.stream().allMatch(Verdict.Recovery::withinLimit);
		Verdict.Validity validity = anomaly ? Verdict.Validity.INVALID
				: has(results, Verdict.KeyStatus.UNDECIDED) ? Verdict.Validity.UNKNOWN : Verdict.Validity.VALID;
		double checkMillis = (System.nanoTime() - started) / 1_000_000.0;
		return new Verdict(history.mode(), validity, history.ops().size(), duplicates, lostWrites, staleReads, results,
				outages, recoveries, checkMillis);
	}

	private static boolean has(List<Verdict.KeyResult> results, Verdict.KeyStatus status) {
		return results.stream().anyMatch((result) -> result.status() == status);
	}

}
