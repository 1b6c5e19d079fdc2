package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns one name's history into what the linearizability search must place. Everything it
 * leaves out or narrows is proven not to change the verdict: the search's cost grows with
 * the operations whose answer was lost, since each of them may fall anywhere after its
 * start.
 */
final class AccountOps {

	/** How a claim of a name already taken is refused. */
	static final int TAKEN = 409;

	private AccountOps() {
	}

	static List<AccountOp> of(KeyOps key, ClaimedAccounts accounts) {
		List<AccountOp> told = new ArrayList<>();
		for (Op op : key.ops()) {
			AccountOp known = modelled(op, accounts);
			if (known != null) {
				told.add(known);
			}
		}
		double owned = told.stream()
			.filter(AccountOp::provesOwner)
			.mapToDouble(AccountOp::deadline)
			.min()
			.orElse(Double.POSITIVE_INFINITY);
		List<AccountOp> kept = new ArrayList<>();
		for (AccountOp op : told) {
			AccountOp narrowed = op.certain() ? op : narrowed(op, told, owned);
			if (narrowed != null) {
				kept.add(new AccountOp(kept.size(), narrowed.op(), narrowed.effect(), narrowed.accountId(),
						narrowed.value(), narrowed.certain(), narrowed.deadline()));
			}
		}
		return kept;
	}

	/** Null for an operation that did nothing and tells nothing. */
	private static AccountOp modelled(Op op, ClaimedAccounts accounts) {
		double infinite = Double.POSITIVE_INFINITY;
		return switch (op.kind()) {
			case CLAIM -> switch (op.outcome()) {
				case OK -> new AccountOp(0, op, AccountOp.Effect.CLAIM, accounts.of(op), null, true, op.end());
				case FAIL -> (op.status() == TAKEN)
						? new AccountOp(0, op, AccountOp.Effect.TAKEN, null, null, true, op.end()) : null;
				case UNKNOWN -> new AccountOp(0, op, AccountOp.Effect.CLAIM, accounts.of(op), null, false, infinite);
			};
			case EDIT -> {
				if (op.accountId() == null || op.outcome() == Op.Outcome.FAIL) {
					yield null;
				}
				yield new AccountOp(0, op, AccountOp.Effect.EDIT, op.accountId(), op.value(), op.ok(),
						op.ok() ? op.end() : infinite);
			}
			case READ -> op.ok()
					? new AccountOp(0, op, AccountOp.Effect.READ, op.accountId(), op.value(), true, op.end()) : null;
		};
	}

	/**
	 * An unknown claim or edit, with the latest moment it can have taken effect, or null
	 * when leaving it out changes nothing.
	 */
	private static AccountOp narrowed(AccountOp op, List<AccountOp> told, double owned) {
		if (op.effect() == AccountOp.Effect.CLAIM) {
			// Begun after the name certainly had an owner: it cannot have made one.
			if (op.start() > owned) {
				return null;
			}
			// Only this claim makes its account, so whatever saw the account came after
			// it.
			List<AccountOp> sawIt = told.stream()
				.filter((other) -> other.certain() && other.effect() != AccountOp.Effect.TAKEN
						&& op.accountId().equals(other.accountId()))
				.toList();
			return withDeadline(op, sawIt);
		}
		List<AccountOp> sawValue = told.stream()
			.filter((other) -> other.effect() == AccountOp.Effect.READ && op.accountId().equals(other.accountId())
					&& Objects.equals(op.value(), other.value()))
			.toList();
		// A display name nobody read can only have made later reads wrong: placing the
		// edit after everything (where it is free to have done nothing) is always as
		// good.
		if (sawValue.isEmpty()) {
			return null;
		}
		boolean onlyWriter = told.stream()
			.filter((other) -> other.effect() == AccountOp.Effect.EDIT && op.accountId().equals(other.accountId())
					&& Objects.equals(op.value(), other.value()))
			.count() == 1;
		// With another edit writing the same name, the reads may have seen that one.
		return onlyWriter ? withDeadline(op, sawValue) : op;
	}

	/**
	 * The first of those that saw the effect and ended after the operation began bounds
	 * when it took effect; those that ended before it began cannot have seen it, and the
	 * search will say so.
	 */
	private static AccountOp withDeadline(AccountOp op, List<AccountOp> sawIt) {
		double deadline = sawIt.stream()
			.mapToDouble(AccountOp::deadline)
			.filter((end) -> end >= op.start())
			.min()
			.orElse(Double.POSITIVE_INFINITY);
		return new AccountOp(op.index(), op.op(), op.effect(), op.accountId(), op.value(), false, deadline);
	}

}
