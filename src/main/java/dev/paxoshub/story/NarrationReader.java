package dev.paxoshub.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A step's {@code say}: one text, or one per consensus mode. */
final class NarrationReader {

	static final List<String> MODES = List.of("common", "off", "on");

	private static final int MAX_TEXT = 2_000;

	private final Problems problems;

	NarrationReader(Problems problems) {
		this.problems = problems;
	}

	/**
	 * @param node the value of {@code say}, or null when the step has none
	 */
	Narration read(Node node) {
		if (node == null) {
			return Narration.NONE;
		}
		if (node instanceof ScalarNode) {
			return new Narration(text(node, "say"), Map.of());
		}
		if (!(node instanceof MappingNode mapping)) {
			this.problems.add(node, "'say' must be a text, or a mapping of common, off and on.", "");
			return Narration.NONE;
		}
		YamlMapping say = new YamlMapping(mapping, this.problems);
		say.rejectKeysOutside(MODES);
		if (say.keys().isEmpty()) {
			this.problems.add(node, "'say' has no text.", "Give it common, off or on, each with a text.");
		}
		Map<String, String> byMode = new HashMap<>();
		for (String mode : List.of("off", "on")) {
			if (say.has(mode)) {
				byMode.put(mode, text(say.value(mode), mode));
			}
		}
		return new Narration(say.has("common") ? text(say.value("common"), "common") : "", byMode);
	}

	private String text(Node node, String name) {
		String text = Values.text(node, name, MAX_TEXT, this.problems);
		return (text != null) ? text.strip() : "";
	}

}
