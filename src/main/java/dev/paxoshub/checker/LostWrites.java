package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Acknowledged writes a node no longer shows once the faults are over: the account an
 * acknowledged claim made must be the one served for the name, and the display name the
 * last acknowledged edit wrote (or one an edit that may have come after it wrote) must be
 * the one shown. Only nodes that served again are asked.
 */
final class LostWrites {

	private LostWrites() {
	}

	static List<Verdict.LostWrite> of(List<KeyOps> keys, FinalState finalState) {
		List<Verdict.LostWrite> lost = new ArrayList<>();
		for (KeyOps key : keys) {
			for (FinalState.NodeFinal node : FinalNodes.of(finalState)) {
				if (node.servingAfterMs() != null) {
					lost.addAll(claims(key, node));
					lost.addAll(edits(key, node));
				}
			}
		}
		lost.sort(Comparator.comparing((Verdict.LostWrite write) -> KeyOps.normal(write.key()))
			.thenComparingInt(Verdict.LostWrite::op)
			.thenComparing(Verdict.LostWrite::node));
		return lost;
	}

	private static List<Verdict.LostWrite> claims(KeyOps key, FinalState.NodeFinal node) {
		FinalState.Served served = FinalNodes.served(node, key.key());
		List<Verdict.LostWrite> lost = new ArrayList<>();
		for (Op claim : key.ok(Op.Kind.CLAIM)) {
			if (claim.accountId() == null) {
				continue;
			}
			if (served == null) {
				lost.add(new Verdict.LostWrite(key.key(), claim.id(), node.node(),
						Phrases.node(node.node()) + " serves no account named '" + key.key() + "', though "
								+ Phrases.op(claim) + " made account " + claim.accountId() + " and was acknowledged."));
			}
			else if (!served.id().equals(claim.accountId())) {
				lost.add(new Verdict.LostWrite(key.key(), claim.id(), node.node(),
						Phrases.node(node.node()) + " serves account " + served.id() + " as '" + key.key()
								+ "', not account " + claim.accountId() + " that " + Phrases.op(claim)
								+ " made and was acknowledged."));
			}
		}
		return lost;
	}

	private static List<Verdict.LostWrite> edits(KeyOps key, FinalState.NodeFinal node) {
		FinalState.Served served = FinalNodes.served(node, key.key());
		Set<String> claimed = Set
			.copyOf(key.ok(Op.Kind.CLAIM).stream().map(Op::accountId).filter(Objects::nonNull).toList());
		List<Verdict.LostWrite> lost = new ArrayList<>();
		lastAcknowledged(key).forEach((account, last) -> {
			if (served != null && served.id().equals(account)) {
				if (!shows(key, last, served.displayName())) {
					lost.add(new Verdict.LostWrite(key.key(), last.id(), node.node(),
							Phrases.node(node.node()) + " shows " + Phrases.displayName(served.displayName())
									+ " for account " + account + ", not " + Phrases.displayName(last.value())
									+ " that " + Phrases.op(last) + " wrote and was acknowledged."));
				}
			}
			else if (!claimed.contains(account)) {
				// The lost claim of an acknowledged account already says it; this one's
				// claim
				// lost its answer, so only the edit proves the account existed.
				lost.add(new Verdict.LostWrite(key.key(), last.id(), node.node(),
						Phrases.node(node.node()) + " no longer serves account " + account + " as '" + key.key()
								+ "', though " + Phrases.op(last) + " changed it and was acknowledged."));
			}
		});
		return lost;
	}

	/** Per account, the acknowledged edit that completed last. */
	private static Map<String, Op> lastAcknowledged(KeyOps key) {
		Map<String, Op> last = new LinkedHashMap<>();
		key.ok(Op.Kind.EDIT)
			.stream()
			.filter((edit) -> edit.accountId() != null)
			.sorted(Comparator.comparingDouble(Op::end).thenComparingInt(Op::id))
			.forEach((edit) -> last.put(edit.accountId(), edit));
		return last;
	}

	/**
	 * The last acknowledged value, or that of an edit real time does not put before it
	 * (an unknown one may have applied at any time after it began).
	 */
	private static boolean shows(KeyOps key, Op last, String shown) {
		return key.editsOf(last.accountId())
			.stream()
			.filter((edit) -> edit == last || !edit.precedes(last))
			.anyMatch((edit) -> Objects.equals(edit.value(), shown));
	}

}
