package dev.paxoshub.properties;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Conflict resolution: no name stands for two different live accounts anywhere in the
 * cluster. Every node that is up counts, cut off or not, since a cut-off node still shows
 * its accounts to whoever reaches it; a copy reconciliation released from its name counts
 * no more.
 */
final class ConflictResolution {

	/** Enough of an id to tell two apart in a sentence. */
	private static final int SHORT_ID = 4;

	private final Sightings<String> sightings;

	ConflictResolution(Duration settle) {
		this.sightings = new Sightings<>(settle);
	}

	Finding check(NodeIndex nodes, Instant now) {
		if (nodes.up().isEmpty()) {
			this.sightings.see(List.of(), now);
			return Finding.holds("No node is up, so no name can be checked.");
		}
		// Nearly every name has one account: keep a set only for the few that have more.
		Map<String, String> accountOf = new HashMap<>();
		Map<String, Set<String>> split = new HashMap<>();
		Set<String> live = new HashSet<>();
		Set<String> released = new HashSet<>();
		for (NodeObservation node : nodes.up()) {
			for (AccountCopy copy : node.accounts()) {
				if (copy.released()) {
					released.add(copy.id());
					continue;
				}
				live.add(copy.id());
				String first = accountOf.putIfAbsent(copy.usernameKey(), copy.id());
				if (first != null && !first.equals(copy.id())) {
					split.computeIfAbsent(copy.usernameKey(), (name) -> new TreeSet<>(List.of(first))).add(copy.id());
				}
			}
		}
		this.sightings.see(split.keySet(), now);
		List<String> lasting = split.keySet()
			.stream()
			.filter((name) -> this.sightings.lasted(name, now))
			.sorted()
			.toList();
		if (!lasting.isEmpty()) {
			String name = lasting.get(0);
			int ids = split.get(name).size();
			String more = (lasting.size() == 1) ? ""
					: ", and " + Wording.count(lasting.size() - 1, "more name stands", "more names stand")
							+ " for several accounts";
			return Finding.broken(stands(name, split.get(name)) + more + ".",
					name + " stood for " + ids + " different accounts");
		}
		if (!split.isEmpty()) {
			String name = split.keySet().stream().sorted().findFirst().orElseThrow();
			return Finding.holds("Settling: " + stands(name, split.get(name)) + ", for less than "
					+ Wording.duration(this.sightings.settle()) + " so far.");
		}
		released.removeAll(live);
		String keptAside = released.isEmpty() ? ""
				: "; " + Wording.count(released.size(), "copy that lost its name is", "copies that lost their name are")
						+ " kept aside";
		return Finding.holds("Every name stands for one account" + keptAside + ".");
	}

	void forget() {
		this.sightings.forget();
	}

	private static String stands(String name, Set<String> ids) {
		return name + " stands for " + ids.size() + " different accounts (ids " + String.join(", ", shortIds(ids))
				+ ")";
	}

	/**
	 * The ids cut to their first few characters, as many more as it takes to tell them
	 * apart.
	 */
	private static List<String> shortIds(Set<String> ids) {
		int length = SHORT_ID;
		while (!distinct(ids, length)) {
			length++;
		}
		int shown = length;
		return ids.stream().map((id) -> (id.length() > shown) ? id.substring(0, shown) + "…" : id).toList();
	}

	private static boolean distinct(Set<String> ids, int length) {
		Set<String> prefixes = new HashSet<>();
		for (String id : ids) {
			if (!prefixes.add(id.substring(0, Math.min(length, id.length())))) {
				return false;
			}
		}
		return true;
	}

}
