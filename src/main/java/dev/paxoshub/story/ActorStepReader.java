package dev.paxoshub.story;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.nodes.Node;

/** A step with {@code do}: an actor's action, with the fields the action takes. */
final class ActorStepReader {

	private static final List<String> OWN_KEYS = List.of("actor", "do", "on", "say", "expect", "pause");

	/** Every key an actor step may have, whatever its action. */
	static final Set<String> KEYS = Stream
		.concat(OWN_KEYS.stream(),
				Arrays.stream(Action.values())
					.flatMap((action) -> Stream.concat(action.required().stream(), action.optional().stream())))
		.collect(Collectors.toUnmodifiableSet());

	/** Room for a README; the other fields are names and one-liners. */
	private static final Map<String, Integer> MAX_FIELD = Map.of("readme", 10_000, "bio", 1_000, "description", 1_000);

	private static final int MAX_OTHER_FIELD = 200;

	private final NodeNames nodes;

	private final Set<String> actors;

	private final NarrationReader narration;

	private final ExpectationReader expectations;

	private final Problems problems;

	/**
	 * @param actors the declared actors; empty when the declaration is itself wrong, and
	 * then an actor is not checked, since every step would say the same
	 */
	ActorStepReader(NodeNames nodes, Set<String> actors, NarrationReader narration, Problems problems) {
		this.nodes = nodes;
		this.actors = actors;
		this.narration = narration;
		this.expectations = new ExpectationReader(problems);
		this.problems = problems;
	}

	ActorStep read(YamlMapping step, Duration pause) {
		String actor = actor(step);
		Action action = action(step.value("do"));
		String node = step.has("on") ? this.nodes.nodeOrFrontDoor(step.value("on"), "on") : null;
		Map<String, String> fields = (action != null) ? fields(step, action) : Map.of();
		return new ActorStep(step.line(), actor, action, node, fields, this.narration.read(step.value("say")),
				this.expectations.read(step.value("expect")), pause);
	}

	private String actor(YamlMapping step) {
		if (!step.require("actor", "An action needs an 'actor'.", declared())) {
			return null;
		}
		String text = step.text("actor", 40);
		if (text == null) {
			return null;
		}
		String actor = text.strip().toLowerCase(Locale.ROOT);
		if (!this.actors.isEmpty() && !this.actors.contains(actor)) {
			this.problems.add(step.value("actor"), "Unknown actor '" + actor + "'.",
					Suggestions.hint(actor, this.actors, "Declared actors"));
		}
		return actor;
	}

	private String declared() {
		return this.actors.isEmpty() ? "" : "Declared actors: " + String.join(", ", this.actors) + ".";
	}

	private Action action(Node node) {
		String text = Values.text(node, "do", 40, this.problems);
		if (text == null) {
			return null;
		}
		String name = text.strip().toLowerCase(Locale.ROOT);
		return Action.named(name).orElseGet(() -> {
			this.problems.add(node, "Unknown action '" + name + "'.",
					Suggestions.hint(name, Action.fileNames(), "Known actions"));
			return null;
		});
	}

	private Map<String, String> fields(YamlMapping step, Action action) {
		List<String> taken = Stream.concat(action.required().stream().sorted(), action.optional().stream().sorted())
			.toList();
		List<String> allowed = Stream.concat(OWN_KEYS.stream(), taken.stream()).toList();
		for (String key : step.keysOutside(allowed)) {
			if (KEYS.contains(key)) {
				this.problems.add(step.keyNode(key),
						"The action '" + action.fileName() + "' does not take '" + key + "'.",
						taken.isEmpty() ? "It takes no fields." : "It takes " + String.join(", ", taken) + ".");
			}
			else {
				step.rejectKey(key, allowed);
			}
		}
		action.required()
			.stream()
			.sorted()
			.forEach((field) -> step.require(field, "The action '" + action.fileName() + "' needs '" + field + "'.",
					""));
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : taken) {
			String value = step.text(field, MAX_FIELD.getOrDefault(field, MAX_OTHER_FIELD));
			if (value != null) {
				fields.put(field, value);
			}
		}
		return fields;
	}

}
