package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operations of one username. Names are compared without case, as the site compares
 * them: a claim of {@code PaxosExpert} is told a {@code paxosexpert} already exists.
 *
 * @param key the name as the first operation on it spelled it
 * @param ops its operations, in invocation order
 */
record KeyOps(String key, List<Op> ops) {

	static List<KeyOps> of(History history) {
		Map<String, List<Op>> byName = new TreeMap<>();
		for (Op op : history.ops()) {
			byName.computeIfAbsent(normal(op.key()), (name) -> new ArrayList<>()).add(op);
		}
		List<KeyOps> keys = new ArrayList<>();
		byName.values().forEach((ops) -> {
			ops.sort(Comparator.comparingDouble(Op::start).thenComparingInt(Op::id));
			keys.add(new KeyOps(ops.get(0).key(), List.copyOf(ops)));
		});
		return keys;
	}

	static String normal(String name) {
		return (name != null) ? name.toLowerCase(Locale.ROOT) : "";
	}

	List<Op> ok(Op.Kind kind) {
		return this.ops.stream().filter((op) -> op.kind() == kind && op.ok()).toList();
	}

	/** Edits that may have applied: acknowledged ones and those whose answer was lost. */
	List<Op> editsOf(String accountId) {
		return this.ops.stream()
			.filter((op) -> op.kind() == Op.Kind.EDIT && op.outcome() != Op.Outcome.FAIL
					&& accountId.equals(op.accountId()))
			.toList();
	}

}
