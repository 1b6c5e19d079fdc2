package dev.paxoshub.home;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import dev.paxoshub.node.LinkMessage;

/**
 * The diagram in words, for whoever cannot see it: one sentence per round of an election
 * (a candidate's polls or votes in one term), saying whom it asked and what came back.
 * "Votes in term 5: Neo asked Morpheus and Trinity; both granted."
 */
final class ElectionSummary {

	private ElectionSummary() {
	}

	/**
	 * @param elections the votes and polls of the window, oldest first, every one between
	 * two lanes
	 * @param label a node's name as the diagram shows it
	 * @param laneOrder a node's place in the diagram, so receivers are named top to
	 * bottom
	 * @param maxRounds how many of the latest rounds to describe; a screen reader reads
	 * every word, and the last rounds are the ones that decided
	 */
	static String of(List<LinkMessage> elections, Function<String, String> label, ToIntFunction<String> laneOrder,
			int maxRounds) {
		Map<Round, Map<String, LinkMessage>> rounds = new LinkedHashMap<>();
		for (LinkMessage message : elections) {
			Round round = new Round(SpacetimeDiagram.kind(message), message.term(),
					SpacetimeDiagram.key(message.from()));
			// A candidate that asks the same node again in one term was answered by the
			// last one.
			rounds.computeIfAbsent(round, (r) -> new LinkedHashMap<>())
				.put(SpacetimeDiagram.key(message.to()), message);
		}
		List<String> sentences = new ArrayList<>();
		int skipped = Math.max(0, rounds.size() - maxRounds);
		if (skipped > 0) {
			sentences.add(skipped + ((skipped == 1) ? " earlier round is" : " earlier rounds are") + " not described.");
		}
		rounds.entrySet().stream().skip(skipped).forEach((entry) -> {
			List<LinkMessage> asked = new ArrayList<>(entry.getValue().values());
			asked.sort(Comparator.comparingInt((LinkMessage m) -> laneOrder.applyAsInt(SpacetimeDiagram.key(m.to()))));
			sentences.add(sentence(entry.getKey(), asked, label));
		});
		return String.join(" ", sentences);
	}

	private static String sentence(Round round, List<LinkMessage> asked, Function<String, String> label) {
		String what = round.kind().equals(SpacetimeDiagram.POLL) ? "Polls (pre-votes)" : "Votes";
		String when = (round.term() != null) ? " in term " + round.term() : "";
		List<String> receivers = asked.stream().map((m) -> label.apply(SpacetimeDiagram.key(m.to()))).toList();
		return what + when + ": " + label.apply(round.candidate()) + " asked " + list(receivers) + "; "
				+ answers(asked, label) + ".";
	}

	private static String answers(List<LinkMessage> asked, Function<String, String> label) {
		String first = SpacetimeDiagram.outcome(asked.get(0));
		if (asked.stream().allMatch((m) -> SpacetimeDiagram.outcome(m).equals(first))) {
			return together(first, asked.size());
		}
		List<String> each = new ArrayList<>();
		for (LinkMessage message : asked) {
			String receiver = label.apply(SpacetimeDiagram.key(message.to()));
			each.add(switch (SpacetimeDiagram.outcome(message)) {
				case SpacetimeDiagram.GRANTED -> receiver + " granted";
				case SpacetimeDiagram.DENIED -> receiver + " denied";
				case SpacetimeDiagram.DROPPED -> "the one to " + receiver + " was dropped on the way";
				default -> receiver + " did not answer";
			});
		}
		return list(each);
	}

	private static String together(String outcome, int count) {
		int form = Math.min(count, 3) - 1;
		return switch (outcome) {
			case SpacetimeDiagram.GRANTED -> List.of("granted", "both granted", "all granted").get(form);
			case SpacetimeDiagram.DENIED -> List.of("denied", "both denied", "all denied").get(form);
			case SpacetimeDiagram.DROPPED ->
				List.of("dropped on the way", "both dropped on the way", "all dropped on the way").get(form);
			default -> List.of("no answer", "neither answered", "none answered").get(form);
		};
	}

	static String list(List<String> items) {
		if (items.size() <= 1) {
			return String.join("", items);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
	}

	private record Round(String kind, Long term, String candidate) {

		Round {
			Objects.requireNonNull(kind);
			Objects.requireNonNull(candidate);
		}

	}

}
