package dev.paxoshub.properties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No decoherence: a write the cluster acknowledged stays in the history of the copy every
 * up and connected node holds. A copy that moved on keeps the write in its lineage; a
 * copy that replaced it by another branch (last writer wins), or a node that lost the
 * account, does not.
 */
final class NoDecoherence {

	private final Sightings<Miss> sightings;

	NoDecoherence(Duration settle) {
		this.sightings = new Sightings<>(settle);
	}

	Finding check(List<AcknowledgedWrite> writes, NodeIndex nodes, Instant now) {
		if (writes.isEmpty() || nodes.comparable().isEmpty()) {
			this.sightings.see(List.of(), now);
			return Finding.holds(writes.isEmpty() ? "No write has been acknowledged yet."
					: "No node is up and connected, so no acknowledged write can be checked.");
		}
		List<Miss> misses = new ArrayList<>();
		for (AcknowledgedWrite write : writes) {
			for (NodeObservation node : nodes.comparable()) {
				Map<String, AccountCopy> accounts = nodes.accountsOf(node);
				if (!keeps(accounts.get(write.accountId()), write)) {
					misses.add(new Miss(write, node.node()));
				}
			}
		}
		this.sightings.see(misses, now);
		List<Miss> lasting = misses.stream().filter((miss) -> this.sightings.lasted(miss, now)).toList();
		if (!lasting.isEmpty()) {
			AcknowledgedWrite first = lasting.get(0).write();
			String lost = Wording.and(nodesMissing(lasting, first)) + " lost " + change(first);
			long others = lasting.stream().map(Miss::write).distinct().count() - 1;
			String more = (others == 0) ? "" : ", and "
					+ Wording.count(others, "more acknowledged write is", "more acknowledged writes are") + " lost";
			return Finding.broken(lost + more + ".", lost);
		}
		if (!misses.isEmpty()) {
			AcknowledgedWrite first = misses.get(0).write();
			List<String> missing = nodesMissing(misses, first);
			return Finding.holds("Settling: " + Wording.and(missing) + ((missing.size() == 1) ? " lacks " : " lack ")
					+ change(first) + ", for less than " + Wording.duration(this.sightings.settle()) + " so far.");
		}
		return Finding.holds((writes.size() == 1) ? "The 1 acknowledged write is held by every connected node."
				: "All " + writes.size() + " acknowledged writes are held by every connected node.");
	}

	void forget() {
		this.sightings.forget();
	}

	/**
	 * Whether a node's copy still carries a write. The lineage is bounded: a write older
	 * than the oldest stamp it remembers has moved out of sight, and is taken as kept
	 * rather than reported lost on no evidence (so is any write, for a copy that came
	 * with no lineage).
	 */
	private static boolean keeps(AccountCopy copy, AcknowledgedWrite write) {
		if (copy == null) {
			return false;
		}
		List<String> lineage = copy.lineage();
		if (lineage.isEmpty() || lineage.contains(write.stamp())) {
			return true;
		}
		long revision = VersionStamp.revisionOf(write.stamp());
		long oldestRemembered = VersionStamp.revisionOf(lineage.get(0));
		return revision >= 0 && oldestRemembered >= 0 && revision < oldestRemembered;
	}

	private static List<String> nodesMissing(List<Miss> misses, AcknowledgedWrite write) {
		return misses.stream()
			.filter((miss) -> miss.write().equals(write))
			.map((miss) -> Wording.node(miss.node()))
			.toList();
	}

	private static String change(AcknowledgedWrite write) {
		long revision = VersionStamp.revisionOf(write.stamp());
		return "the change to " + write.username() + " acknowledged by " + Wording.node(write.node()) + " at "
				+ Wording.time(write.at())
				+ ((revision >= 0) ? " (revision " + revision + ")" : " (" + write.stamp() + ")");
	}

	/** One acknowledged write one node does not hold. */
	private record Miss(AcknowledgedWrite write, String node) {
	}

}
