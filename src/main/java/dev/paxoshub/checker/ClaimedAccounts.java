package dev.paxoshub.checker;

import java.util.HashMap;
import java.util.Map;

/**
 * The account each claim made. An acknowledged claim says so itself; an unknown one lost
 * its answer, so its account is recognised in the nodes' final state by the attempt token
 * its email carries.
 */
final class ClaimedAccounts {

	private final Map<String, String> byAttempt = new HashMap<>();

	ClaimedAccounts(FinalState finalState) {
		// Nodes in name order, so that two nodes disagreeing (split brain) give the same
		// answer on every run.
		FinalNodes.of(finalState).forEach((node) -> {
			if (node.records() != null) {
				node.records().forEach((stored) -> this.byAttempt.putIfAbsent(attemptOf(stored), stored.id()));
			}
		});
	}

	/**
	 * The account the claim made, or, for a claim that left no account anywhere, a
	 * placeholder no read can ever match (it never took effect durably).
	 */
	String of(Op claim) {
		if (claim.ok() && claim.accountId() != null) {
			return claim.accountId();
		}
		String recovered = (claim.attempt() != null) ? this.byAttempt.get(claim.attempt()) : null;
		return (recovered != null) ? recovered : placeholder(claim);
	}

	private static String placeholder(Op claim) {
		return "(no account: claim #" + claim.id() + ")";
	}

	private static String attemptOf(FinalState.Stored stored) {
		String email = (stored.email() != null) ? stored.email() : "";
		int at = email.indexOf('@');
		return (at >= 0) ? email.substring(0, at) : email;
	}

}
