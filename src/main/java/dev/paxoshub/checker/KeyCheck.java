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

	static Verdict.KeyResult of(KeyOps key, ClaimedAccounts accounts) {
		List<AccountOp> ops = AccountOps.of(key, accounts);
		Linearizability.Result result = Linearizability.search(ops);
		int operations = key.ops().size();
		return switch (result.finding()) {
			case LINEARIZABLE -> new Verdict.KeyResult(key.key(), operations, true, List.of(), null);
			case NOT_LINEARIZABLE -> new Verdict.KeyResult(key.key(), operations, false,
					Unexplained.ops(result.blocked(), ops), Unexplained.sentence(result.blocked(), ops));
			case GAVE_UP -> new Verdict.KeyResult(key.key(), operations, false,
					(result.blocked() != null) ? Unexplained.ops(result.blocked(), ops) : List.of(),
					String.format(Locale.ROOT,
							"The search gave up after %,d steps without finding an order of these %d operations,"
									+ " so this name is unproven, not proven wrong.",
							result.steps(), ops.size()));
		};
	}

}
