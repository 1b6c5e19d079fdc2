package dev.paxoshub.checker;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The nodes of the final state in name order, and what each serves under a name. */
final class FinalNodes {

	private FinalNodes() {
	}

	static List<FinalState.NodeFinal> of(FinalState finalState) {
		if (finalState == null || finalState.nodes() == null) {
			return List.of();
		}
		return List.copyOf(new TreeMap<>(finalState.nodes()).values());
	}

	/** The account the node shows for the name, compared without case; null for a 404. */
	static FinalState.Served served(FinalState.NodeFinal node, String key) {
		Map<String, FinalState.Served> served = (node.served() != null) ? node.served() : Map.of();
		FinalState.Served exact = served.get(key);
		if (exact != null) {
			return exact;
		}
		return served.entrySet()
			.stream()
			.filter((entry) -> KeyOps.normal(entry.getKey()).equals(KeyOps.normal(key)))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

}
