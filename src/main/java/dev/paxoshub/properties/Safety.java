package dev.paxoshub.properties;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Safety: coherence, conflict resolution and no decoherence held whenever a fault was in
 * force. It is about history, so a breach during a fault is remembered until the cluster
 * is reset, however well the cluster looks afterwards.
 */
final class Safety {

	private final Set<String> faultsSeen = new LinkedHashSet<>();

	private String broken;

	/**
	 * @param others the findings of coherence, conflict resolution and no decoherence in
	 * this same look, in that order
	 */
	Finding check(List<String> faultsActive, List<Finding> others, Instant now) {
		if (this.broken != null) {
			return Finding.broken(this.broken);
		}
		if (!faultsActive.isEmpty()) {
			List<String> faults = faultsActive.stream().distinct().toList();
			this.faultsSeen.addAll(faults);
			Finding breach = others.stream().filter((finding) -> !finding.holds()).findFirst().orElse(null);
			if (breach != null) {
				this.broken = "Broken at " + Wording.time(now) + " during " + faultList(faults) + ": " + breach.breach()
						+ ".";
				return Finding.broken(this.broken);
			}
		}
		if (this.faultsSeen.isEmpty()) {
			return Finding.holds("No fault yet: nothing to show.");
		}
		return Finding.holds("Held through " + faultList(List.copyOf(this.faultsSeen)) + ".");
	}

	void forget() {
		this.faultsSeen.clear();
		this.broken = null;
	}

	/**
	 * "1 fault (Morpheus killed)", "3 faults (Morpheus killed, Neo partitioned, Trinity
	 * slow)".
	 */
	private static String faultList(List<String> faults) {
		return Wording.count(faults.size(), "fault", "faults") + " (" + Wording.names(faults) + ")";
	}

}
