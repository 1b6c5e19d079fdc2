package dev.paxoshub.story;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One step of a scenario, told apart by the key it has: {@code do} for an actor's action,
 * {@code chaos} for a fault, {@code wait} for a pause.
 */
final class StepReader {

	private static final List<String> KINDS = List.of("do", "chaos", "wait");

	private static final List<String> WAIT_KEYS = List.of("wait", "say", "pause");

	private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

	private static final Duration LONGEST_WAIT = Duration.ofMinutes(2);

	private final ActorStepReader actorSteps;

	private final ChaosStepReader chaosSteps;

	private final NarrationReader narration;

	private final Problems problems;

	StepReader(NodeNames nodes, Set<String> actors, Problems problems) {
		this.narration = new NarrationReader(problems);
		this.actorSteps = new ActorStepReader(nodes, actors, this.narration, problems);
		this.chaosSteps = new ChaosStepReader(nodes, this.narration, problems);
		this.problems = problems;
	}

	/** The step, or null when it is not one of the three kinds. */
	Step read(Node node) {
		if (!(node instanceof MappingNode mapping)) {
			this.problems.add(node, "A step must be a mapping of keys, such as do: sign-up.", "");
			return null;
		}
		YamlMapping step = new YamlMapping(mapping, this.problems);
		List<String> kinds = KINDS.stream().filter(step::has).toList();
		if (kinds.size() != 1) {
			this.problems.add(step.line(), "A step needs exactly one of do, chaos or wait.", kindHint(step, kinds));
			return null;
		}
		Duration pause = step.has("pause") ? duration(step.value("pause"), "pause", Duration.ZERO) : null;
		return switch (kinds.get(0)) {
			case "do" -> this.actorSteps.read(step, pause);
			case "chaos" -> this.chaosSteps.read(step, pause);
			default -> waitStep(step, pause);
		};
	}

	/** A misspelt kind shows as an unknown key, which is worth naming. */
	private static String kindHint(YamlMapping step, List<String> kinds) {
		if (kinds.size() > 1) {
			return "This one has " + String.join(" and ", kinds) + ": split it into " + kinds.size() + " steps.";
		}
		return step.keys()
			.stream()
			.filter((key) -> !ActorStepReader.KEYS.contains(key) && !ChaosStepReader.KEYS.contains(key))
			.flatMap((key) -> Suggestions.nearest(key, KINDS)
				.map((kind) -> "Did you mean '" + kind + "' instead of '" + key + "'?")
				.stream())
			.findFirst()
			.orElse("An action has do, a fault has chaos, a pause has wait.");
	}

	private WaitStep waitStep(YamlMapping step, Duration pause) {
		for (String key : step.keysOutside(WAIT_KEYS)) {
			if (key.equals("actor")) {
				this.problems.add(step.keyNode(key), "A wait has no 'actor'.", "Remove it: everyone waits.");
			}
			else {
				step.rejectKey(key, WAIT_KEYS);
			}
		}
		return new WaitStep(step.line(), duration(step.value("wait"), "wait", Duration.ofMillis(1)),
				this.narration.read(step.value("say")), pause);
	}

	/**
	 * @param shortest a wait lasts at least a millisecond; a pause may be none
	 */
	private Duration duration(Node node, String key, Duration shortest) {
		String text = Values.text(node, key, 20, this.problems);
		if (text == null) {
			return null;
		}
		Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			this.problems.add(node, "'" + text + "' is not a duration.",
					"Write it with its unit, such as 500ms, 3s or 1m.");
			return null;
		}
		long amount = Long.parseLong(matcher.group(1));
		Duration duration = switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			default -> Duration.ofMinutes(amount);
		};
		if (duration.compareTo(shortest) < 0 || duration.compareTo(LONGEST_WAIT) > 0) {
			this.problems.add(node, "A " + key + " lasts from " + (shortest.isZero() ? "0s" : "1ms")
					+ " to 2 minutes, not '" + text + "'.", "");
			return null;
		}
		return duration;
	}

}
