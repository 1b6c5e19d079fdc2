package dev.paxoshub.story;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping as a scenario's parts are written: plain names as keys, each said once.
 * SnakeYAML's composer keeps a repeated key (only its constructor refuses one), so the
 * check is made here, where it can say on which line the first one is.
 */
final class YamlMapping {

	private final MappingNode node;

	private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

	private final Problems problems;

	private final Set<String> suggested = new HashSet<>();

	YamlMapping(MappingNode node, Problems problems) {
		this.node = node;
		this.problems = problems;
		for (NodeTuple entry : node.getValue()) {
			if (!(entry.getKeyNode() instanceof ScalarNode key)) {
				problems.add(entry.getKeyNode(), "A key must be a plain name, not a list or mapping.", "");
			}
			else if (this.entries.containsKey(key.getValue())) {
				problems.add(key, "The key '" + key.getValue() + "' appears twice.",
						"The first is on line " + Problems.lineOf(this.entries.get(key.getValue()).getKeyNode()) + ".");
			}
			else {
				this.entries.put(key.getValue(), entry);
			}
		}
	}

	/** Where a person sees the mapping begin: its first key. */
	int line() {
		List<NodeTuple> tuples = this.node.getValue();
		return Problems.lineOf(tuples.isEmpty() ? this.node : tuples.get(0).getKeyNode());
	}

	Set<String> keys() {
		return this.entries.keySet();
	}

	boolean has(String key) {
		return this.entries.containsKey(key);
	}

	/** The key's value, or null when the key is absent. */
	Node value(String key) {
		NodeTuple entry = this.entries.get(key);
		return (entry != null) ? entry.getValueNode() : null;
	}

	Node keyNode(String key) {
		return this.entries.get(key).getKeyNode();
	}

	/** The key's value as a text, or null when it is absent or wrong. */
	String text(String key, int max) {
		return has(key) ? Values.text(value(key), key, max, this.problems) : null;
	}

	/**
	 * Reports the key missing, on the mapping's line, unless it was already suggested for
	 * a misspelt key: the author has one mistake to fix, not two.
	 */
	boolean require(String key, String message, String hint) {
		if (!has(key) && !this.suggested.contains(key)) {
			this.problems.add(line(), message, hint);
		}
		return has(key);
	}

	/** The keys not among those allowed, in the file's order. */
	List<String> keysOutside(Collection<String> allowed) {
		return keys().stream().filter((key) -> !allowed.contains(key)).toList();
	}

	void rejectKeysOutside(Collection<String> allowed) {
		keysOutside(allowed).forEach((key) -> rejectKey(key, allowed));
	}

	/**
	 * Reports the key as unknown, suggesting only an allowed key that is not there yet,
	 * since the one meant is missing. A key with spaces in braces is most likely the end
	 * of the text before it, cut off by a comma.
	 */
	void rejectKey(String key, Collection<String> allowed) {
		List<String> missing = allowed.stream().filter((name) -> !has(name)).toList();
		Suggestions.nearest(key, missing).ifPresent(this.suggested::add);
		String hint = (key.contains(" ") && this.node.getFlowStyle() == FlowStyle.FLOW)
				? "In { }, a comma ends a text: put a text that has a comma in quotes."
				: Suggestions.hint(key, missing, allowed, "Allowed keys here");
		this.problems.add(keyNode(key), "Unknown key '" + key + "'.", hint);
	}

}
