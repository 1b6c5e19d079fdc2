package dev.paxoshub.properties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Liveness: while a majority is up and connected, its nodes take writes. A majority that
 * has just formed gets a grace period first, since whatever the cluster does to agree on
 * a leader takes a moment; any change in who is connected starts it again, as the node
 * that left may have been the one leading.
 */
final class Liveness {

	private final Duration grace;

	private Set<String> majority = Set.of();

	private Instant majoritySince;

	private Map<String, Long> refusals = Map.of();

	private Instant previousLook;

	Liveness(Duration grace) {
		this.grace = grace;
	}

	Finding check(List<NodeObservation> all, NodeIndex nodes, Instant now) {
		Map<String, Long> refusedBefore = this.refusals;
		Instant before = this.previousLook;
		this.refusals = new HashMap<>();
		all.forEach((node) -> this.refusals.put(node.node(), node.refusalsSoFar()));
		this.previousLook = now;

		List<NodeObservation> connected = nodes.comparable();
		if (connected.size() * 2 <= all.size()) {
			this.majority = Set.of();
			this.majoritySince = null;
			return Finding.holds("No majority is connected, so nothing can be promised.");
		}
		Set<String> names = connected.stream().map(NodeObservation::node).collect(Collectors.toSet());
		if (!names.equals(this.majority)) {
			this.majority = names;
			this.majoritySince = now;
		}
		String majority = "A majority (" + Wording.and(Wording.nodes(connected)) + ")";
		Instant ready = this.majoritySince.plus(this.grace);
		if (now.isBefore(ready)) {
			return Finding.holds(majority + " has been connected since " + Wording.time(this.majoritySince)
					+ " and has until " + Wording.time(ready) + " to start accepting writes.");
		}
		// Refusals count only if the whole span since the last look is past the grace.
		boolean countRefusals = before != null && !before.isBefore(ready);
		List<String> failures = new ArrayList<>();
		for (NodeObservation node : connected) {
			List<String> failed = new ArrayList<>();
			if (!node.writable()) {
				failed.add("says it cannot write");
			}
			long refused = node.refusalsSoFar() - refusedBefore.getOrDefault(node.node(), node.refusalsSoFar());
			if (countRefusals && refused > 0) {
				failed.add("refused " + Wording.count(refused, "write", "writes") + " in the last "
						+ Wording.duration(Duration.between(before, now)));
			}
			if (!failed.isEmpty()) {
				failures.add(Wording.node(node.node()) + " " + String.join(" and ", failed));
			}
		}
		if (failures.isEmpty()) {
			return Finding.holds(majority + " is connected and accepts writes.");
		}
		return Finding.broken(majority + " is connected, yet " + Wording.and(failures) + ".");
	}

	void forget() {
		this.majority = Set.of();
		this.majoritySince = null;
		this.refusals = Map.of();
		this.previousLook = null;
	}

}
