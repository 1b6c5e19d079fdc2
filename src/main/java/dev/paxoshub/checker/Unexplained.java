package dev.paxoshub.checker;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Names what no order explains when a name's history is not linearizable: the operation
 * the search could not get past, the operations overlapping it and those just before it,
 * and one sentence on why, in the terms a person reading the report uses.
 */
final class Unexplained {

	private Unexplained() {
	}

	/**
	 * The blocked operation, those concurrent with it and the last ones before it (those
	 * nothing else came between), in id order.
	 */
	static List<Integer> ops(AccountOp blocked, List<AccountOp> ops) {
		double latestStartBefore = ops.stream()
			.filter((op) -> op.precedes(blocked))
			.mapToDouble(AccountOp::start)
			.max()
			.orElse(Double.NEGATIVE_INFINITY);
		return ops.stream()
			.filter((op) -> op == blocked || op.concurrentWith(blocked)
					|| (op.precedes(blocked) && op.deadline() >= latestStartBefore))
			.map((op) -> op.op().id())
			.sorted()
			.toList();
	}

	static String sentence(AccountOp blocked, List<AccountOp> ops) {
		List<AccountOp> before = ops.stream()
			.filter((op) -> op.precedes(blocked))
			.sorted(Comparator.comparingDouble(AccountOp::deadline)
				.thenComparingInt((AccountOp op) -> op.op().id())
				.reversed())
			.toList();
		String why = why(blocked, before, ops);
		return "No order of these operations explains " + what(blocked)
				+ (why.isEmpty() ? " given the operations around it" : why) + ".";
	}

	private static String what(AccountOp op) {
		String name = Phrases.op(op.op());
		return switch (op.effect()) {
			case READ -> (op.accountId() == null) ? name + " finding no account"
					: name + " seeing account " + op.accountId() + " with " + displayName(op.value());
			case EDIT -> op.certain() ? name + " of account " + op.accountId() + " being acknowledged"
					: name + ", whose answer was lost, setting " + Phrases.displayName(op.value())
							+ " in time for the reads that saw it";
			case CLAIM -> op.certain() ? name + " being acknowledged with account " + op.accountId()
					: name + ", whose answer was lost, making account " + op.accountId() + " in time for what saw it";
			case TAKEN -> name + " being told the name was taken";
		};
	}

	private static String why(AccountOp blocked, List<AccountOp> before, List<AccountOp> all) {
		String account = blocked.accountId();
		return switch (blocked.effect()) {
			case READ -> (account == null) ? first(before, AccountOp::provesOwner).map(Unexplained::after).orElse("")
					: whyRead(blocked, before, all);
			case CLAIM -> first(before, AccountOp::provesOwner).map(Unexplained::after).orElse("");
			case EDIT -> {
				Optional<AccountOp> other = first(before, (op) -> op.certain() && op.effect() == AccountOp.Effect.CLAIM
						&& !op.accountId().equals(account));
				if (other.isPresent()) {
					yield " while the name belonged to account " + other.get().accountId() + " ("
							+ Phrases.op(other.get().op()) + ")";
				}
				yield made(account, all) ? "" : ", though no claim made account " + account;
			}
			case TAKEN -> first(all, (op) -> op.effect() == AccountOp.Effect.CLAIM && op.start() <= blocked.deadline())
				.isPresent() ? "" : ", though no claim of it had begun before it ended";
		};
	}

	private static String whyRead(AccountOp read, List<AccountOp> before, List<AccountOp> all) {
		String account = read.accountId();
		Optional<AccountOp> edit = first(before,
				(op) -> op.certain() && op.effect() == AccountOp.Effect.EDIT && op.accountId().equals(account));
		if (edit.isPresent() && !Objects.equals(edit.get().value(), read.value())) {
			return " after " + Phrases.op(edit.get().op()) + " set " + Phrases.displayName(edit.get().value())
					+ " had been acknowledged";
		}
		Optional<AccountOp> other = first(before, (op) -> op.effect() == AccountOp.Effect.READ && op.accountId() != null
				&& !(op.accountId().equals(account) && Objects.equals(op.value(), read.value())));
		if (other.isPresent()) {
			AccountOp seen = other.get();
			if (!seen.accountId().equals(account)) {
				return " after " + Phrases.op(seen.op()) + " had seen account " + seen.accountId();
			}
			return " after " + Phrases.op(seen.op()) + " had seen " + Phrases.displayName(seen.value())
					+ first(all, writing(account, seen.value()))
						.map((writer) -> " (written by " + Phrases.op(writer.op()) + ")")
						.orElse("");
		}
		Optional<AccountOp> claim = first(before,
				(op) -> op.certain() && op.effect() == AccountOp.Effect.CLAIM && !op.accountId().equals(account));
		if (claim.isPresent()) {
			return " after " + Phrases.op(claim.get().op()) + " had made account " + claim.get().accountId();
		}
		if (!made(account, all)) {
			return ", an account no claim made";
		}
		if (read.value() != null && first(all, writing(account, read.value())).isEmpty()) {
			return ", a display name no edit of that account wrote";
		}
		return "";
	}

	private static String after(AccountOp op) {
		String name = Phrases.op(op.op());
		return " after " + switch (op.effect()) {
			case CLAIM -> name + " had been acknowledged with account " + op.accountId();
			case TAKEN -> name + " had been told the name was taken";
			case EDIT -> name + " of account " + op.accountId() + " had been acknowledged";
			case READ -> name + " had seen account " + op.accountId();
		};
	}

	private static String displayName(String value) {
		return (value != null) ? "display name " + Phrases.displayName(value) : Phrases.displayName(null);
	}

	private static boolean made(String account, List<AccountOp> all) {
		return first(all, (op) -> op.effect() == AccountOp.Effect.CLAIM && op.accountId().equals(account)).isPresent();
	}

	private static Predicate<AccountOp> writing(String account, String value) {
		return (op) -> op.effect() == AccountOp.Effect.EDIT && op.accountId().equals(account)
				&& Objects.equals(op.value(), value);
	}

	private static Optional<AccountOp> first(List<AccountOp> ops, Predicate<AccountOp> test) {
		return ops.stream().filter(test).findFirst();
	}

}
