package dev.paxoshub.checker;

import java.util.List;
import java.util.Locale;

/**
 * The linearizability verdict of one name. Names are independent registers, so each is
 * searched alone: the search's cost grows with the overlap inside one name's history, not
 * with the whole run.
 */
final class KeyCheck {

	private KeyCheck() {
	}

	/**
	 * @param stepLimit how far the search may go before the name is left undecided
	 */
	static Verdict.KeyResult of(KeyOps key, ClaimedAccounts accounts, long stepLimit) {
		List<AccountOp> ops = AccountOps.of(key, accounts);
		Linearizability.Result result = Linearizability.search(ops, stepLimit);
		int operations = key.ops().size();
		return switch (result.finding()) {
			case LINEARIZABLE ->
				new Verdict.KeyResult(key.key(), operations, Verdict.KeyStatus.LINEARIZABLE, List.of(), null);
			case NOT_LINEARIZABLE -> new Verdict.KeyResult(key.key(), operations, Verdict.KeyStatus.NOT_LINEARIZABLE,
					Unexplained.ops(result.blocked(), ops), Unexplained.sentence(result.blocked(), ops));
			// Where a search that gave up stood proves nothing, so no operation is named.
			case GAVE_UP -> new Verdict.KeyResult(key.key(), operations, Verdict.KeyStatus.UNDECIDED, List.of(),
					String.format(Locale.ROOT,
							"The search gave up after %,d steps, before it could tell whether some order of these"
									+ " %d operations explains every answer: too many of them overlap.",
							result.steps(), ops.size()));
		};
	}

}
