package dev.paxoshub.home;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.paxoshub.properties.Property;
import dev.paxoshub.properties.Verdict;

/**
 * One row of the consensus properties panel. Every property has its row, measured or not,
 * so the panel always reads as the five properties of the article.
 *
 * @param state {@code holds}, {@code violated}, or {@code unmeasured} while no verdict is
 * there yet
 * @param evidence the verdict's sentence; null while unmeasured
 */
record PropertyLine(String name, String state, String evidence, Instant since) {

	static List<PropertyLine> of(List<Verdict> verdicts) {
		return Arrays.stream(Property.values()).map((property) -> line(property, verdicts)).toList();
	}

	private static PropertyLine line(Property property, List<Verdict> verdicts) {
		Optional<Verdict> verdict = verdicts.stream().filter((v) -> v.property() == property).findFirst();
		return verdict
			.map((v) -> new PropertyLine(name(property), v.holds() ? "holds" : "violated", v.evidence(), v.since()))
			.orElseGet(() -> new PropertyLine(name(property), "unmeasured", null, null));
	}

	private static String name(Property property) {
		return switch (property) {
			case COHERENCE -> "Coherence";
			case CONFLICT_RESOLUTION -> "Conflict resolution";
			case NO_DECOHERENCE -> "No decoherence";
			case SAFETY -> "Safety";
			case LIVENESS -> "Liveness";
		};
	}

}
