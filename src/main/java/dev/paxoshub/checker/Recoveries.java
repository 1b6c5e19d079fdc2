package dev.paxoshub.checker;

import java.util.List;

/** How soon each node served again once the faults stopped, against the limit. */
final class Recoveries {

	/** A node still not serving half a minute after healing counts as not recovered. */
	static final double LIMIT_MS = 30_000;

	private Recoveries() {
	}

	static List<Verdict.Recovery> of(FinalState finalState) {
		return FinalNodes.of(finalState)
			.stream()
			.map((node) -> new Verdict.Recovery(node.node(), node.servingAfterMs(),
					node.servingAfterMs() != null && node.servingAfterMs() <= LIMIT_MS))
			.toList();
	}

}
