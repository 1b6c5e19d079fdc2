package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Names with two owners: two claims acknowledged with different accounts, or, at the end,
 * a node holding two live accounts under one name (what split brain leaves behind).
 */
final class Duplicates {

	private Duplicates() {
	}

	static List<Verdict.Duplicate> of(List<KeyOps> keys, ClaimedAccounts accounts, FinalState finalState) {
		Map<String, Found> byName = new TreeMap<>();
		for (KeyOps key : keys) {
			Map<String, Op> owners = new LinkedHashMap<>();
			key.ok(Op.Kind.CLAIM).forEach((claim) -> owners.putIfAbsent(claim.accountId(), claim));
			if (owners.size() > 1) {
				Found found = byName.computeIfAbsent(KeyOps.normal(key.key()), (name) -> new Found(key.key()));
				found.accountIds.addAll(owners.keySet());
				found.acknowledged.addAll(owners.values());
			}
		}
		for (FinalState.NodeFinal node : FinalNodes.of(finalState)) {
			Map<String, Set<String>> live = new TreeMap<>();
			Map<String, String> spelling = new TreeMap<>();
			for (FinalState.Stored stored : (node.records() != null) ? node.records() : List.<FinalState.Stored>of()) {
				if (!stored.released()) {
					String name = KeyOps.normal(stored.username());
					live.computeIfAbsent(name, (n) -> new TreeSet<>()).add(stored.id());
					spelling.putIfAbsent(name, stored.username());
				}
			}
			live.forEach((name, ids) -> {
				if (ids.size() > 1) {
					Found found = byName.computeIfAbsent(name, (n) -> new Found(spelling.get(name)));
					found.accountIds.addAll(ids);
					found.holders.computeIfAbsent(List.copyOf(ids), (same) -> new ArrayList<>())
						.add(Phrases.node(node.node()));
				}
			});
		}
		List<Verdict.Duplicate> duplicates = new ArrayList<>();
		byName.forEach((name, found) -> duplicates.add(new Verdict.Duplicate(found.key, List.copyOf(found.accountIds),
				claimsOf(keys, name, found.accountIds, accounts), found.sentence())));
		return duplicates;
	}

	/** The claims, acknowledged or not, that made the duplicated accounts. */
	private static List<Integer> claimsOf(List<KeyOps> keys, String name, Set<String> ids, ClaimedAccounts accounts) {
		return keys.stream()
			.filter((key) -> KeyOps.normal(key.key()).equals(name))
			.flatMap((key) -> key.ops().stream())
			.filter((op) -> op.kind() == Op.Kind.CLAIM && op.outcome() != Op.Outcome.FAIL
					&& ids.contains(accounts.of(op)))
			.map(Op::id)
			.sorted()
			.toList();
	}

	/** What was found about one name, in the order it is told. */
	private static final class Found {

		final String key;

		final Set<String> accountIds = new LinkedHashSet<>();

		final List<Op> acknowledged = new ArrayList<>();

		/** Per set of live accounts, the nodes holding exactly those. */
		final Map<List<String>, List<String>> holders = new LinkedHashMap<>();

		Found(String key) {
			this.key = key;
		}

		String sentence() {
			List<String> sentences = new ArrayList<>();
			if (!this.acknowledged.isEmpty()) {
				List<String> told = this.acknowledged.stream()
					.map((claim) -> Phrases.op(claim) + " made account " + claim.accountId() + " through "
							+ via(claim.via()))
					.toList();
				sentences.add("'" + this.key + "' was given to " + told.size() + " owners: " + Phrases.and(told)
						+ ((told.size() == 2) ? ", both acknowledged." : ", all acknowledged."));
			}
			this.holders.forEach(
					(ids, nodes) -> sentences.add(Phrases.and(nodes) + ((nodes.size() == 1) ? " holds " : " each hold ")
							+ ids.size() + " live accounts named '" + this.key + "': " + Phrases.and(ids) + "."));
			return String.join(" ", sentences);
		}

		/** {@code Neo}, or {@code the front door}. */
		private static String via(String via) {
			return "front-door".equals(via) ? "the front door" : Phrases.node(via);
		}

	}

}
