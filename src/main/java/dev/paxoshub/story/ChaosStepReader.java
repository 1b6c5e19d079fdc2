package dev.paxoshub.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A step with {@code chaos}: a fault, or its end, struck on a node. */
final class ChaosStepReader {

	/** The keys only one chaos action takes, with that action. */
	private static final Map<String, ChaosAction> ACTION_KEYS = Map.of("from", ChaosAction.PARTITION, "direction",
			ChaosAction.PARTITION, "delay-ms", ChaosAction.SLOW, "disk", ChaosAction.REVIVE);

	/** Every key a chaos step may have, whatever its action. */
	static final List<String> KEYS = List.of("chaos", "node", "from", "direction", "delay-ms", "disk", "say", "pause");

	private static final List<String> DIRECTIONS = List.of("both", "in", "out");

	private static final long MAX_DELAY_MS = 10_000;

	private final NodeNames nodes;

	private final NarrationReader narration;

	private final Problems problems;

	ChaosStepReader(NodeNames nodes, NarrationReader narration, Problems problems) {
		this.nodes = nodes;
		this.narration = narration;
		this.problems = problems;
	}

	/** The step, or null when its action is not known. */
	ChaosStep read(YamlMapping step, Duration pause) {
		ChaosAction action = action(step.value("chaos"));
		rejectOtherKeys(step, action);
		if (action == null) {
			return null;
		}
		String node = null;
		if (step.has("node")) {
			node = this.nodes.node(step.value("node"), "node");
		}
		else if (action != ChaosAction.HEAL) {
			this.problems.add(step.line(), "The chaos action '" + action.fileName() + "' needs a 'node'.",
					"Known nodes: " + String.join(", ", this.nodes.choices()) + ".");
		}
		boolean partition = action == ChaosAction.PARTITION;
		return new ChaosStep(step.line(), action, node, partition ? from(step, node) : List.of(),
				partition ? direction(step) : null, (action == ChaosAction.SLOW) ? delay(step) : null,
				(action == ChaosAction.REVIVE) && emptyDisk(step), this.narration.read(step.value("say")), pause);
	}

	private ChaosAction action(Node node) {
		String text = Values.text(node, "chaos", 40, this.problems);
		if (text == null) {
			return null;
		}
		String name = text.strip().toLowerCase(Locale.ROOT);
		return ChaosAction.named(name).orElseGet(() -> {
			this.problems.add(node, "Unknown chaos action '" + name + "'.",
					Suggestions.hint(name, ChaosAction.fileNames(), "Known chaos actions"));
			return null;
		});
	}

	/**
	 * @param action null when it is not known: then any chaos key may be meant
	 */
	private void rejectOtherKeys(YamlMapping step, ChaosAction action) {
		List<String> allowed = KEYS.stream()
			.filter((key) -> action == null || !ACTION_KEYS.containsKey(key) || ACTION_KEYS.get(key) == action)
			.toList();
		for (String key : step.keysOutside(allowed)) {
			if (key.equals("actor")) {
				this.problems.add(step.keyNode(key), "A chaos step has no 'actor'.",
						"Remove it, or make this step an action with do.");
			}
			else if (ACTION_KEYS.containsKey(key)) {
				this.problems.add(step.keyNode(key),
						"'" + key + "' is only for " + ACTION_KEYS.get(key).fileName() + ".", "");
			}
			else {
				step.rejectKey(key, allowed);
			}
		}
	}

	/** The peers cut off: every one when none is named. */
	private List<String> from(YamlMapping step, String node) {
		if (!step.has("from")) {
			return List.of();
		}
		Set<String> from = new LinkedHashSet<>();
		Node value = step.value("from");
		if (value instanceof MappingNode) {
			this.problems.add(value, "'from' must be a node name or a list of node names.", "");
			return List.of();
		}
		List<Node> items = (value instanceof SequenceNode sequence) ? sequence.getValue() : List.of(value);
		for (Node item : items) {
			String peer = this.nodes.node(item, "from");
			if (peer != null && peer.equals(node)) {
				this.problems.add(item, "'" + peer + "' cannot be cut off from itself.",
						"List only its peers in 'from', or leave 'from' out to cut it off from every peer.");
			}
			else if (peer != null) {
				from.add(peer);
			}
		}
		return new ArrayList<>(from);
	}

	private String direction(YamlMapping step) {
		String text = step.text("direction", 20);
		if (text == null) {
			return "both";
		}
		String direction = text.strip().toLowerCase(Locale.ROOT);
		if (!DIRECTIONS.contains(direction)) {
			this.problems.add(step.value("direction"), "Unknown direction '" + direction + "'.",
					Suggestions.hint(direction, DIRECTIONS, "Known directions"));
		}
		return direction;
	}

	private Long delay(YamlMapping step) {
		if (!step.require("delay-ms", "The chaos action 'slow' needs 'delay-ms'.",
				"Give the delay in milliseconds, from 0 to " + MAX_DELAY_MS + ".")) {
			return null;
		}
		return Values.number(step.value("delay-ms"), "delay-ms", 0, MAX_DELAY_MS, this.problems);
	}

	private boolean emptyDisk(YamlMapping step) {
		String disk = step.text("disk", 20);
		if (disk != null && !disk.strip().equalsIgnoreCase("empty")) {
			this.problems.add(step.value("disk"), "Unknown disk '" + disk.strip() + "'.",
					"The only one is 'empty': the node comes back with nothing stored.");
		}
		return disk != null;
	}

}
