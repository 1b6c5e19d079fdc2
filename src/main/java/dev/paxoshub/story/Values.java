package dev.paxoshub.story;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A scenario's values read from YAML nodes as they were written: a number is taken as its
 * text, so that {@code username: 1234} is the name "1234" and not an error. Each returns
 * null for a value it reported as wrong.
 */
final class Values {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

	private Values() {
	}

	static String text(Node node, String name, int max, Problems problems) {
		if (!(node instanceof ScalarNode scalar)) {
			problems.add(node, "'" + name + "' must be a single text, not a list or mapping.", "");
			return null;
		}
		if (scalar.getTag().equals(Tag.NULL)) {
			problems.add(node, "'" + name + "' has no value.",
					"Write one after the colon; put it in quotes if it starts with # or another sign YAML reads itself.");
			return null;
		}
		if (scalar.getValue().length() > max) {
			problems.add(node, "'" + name + "' is longer than " + max + " characters.", "");
			return null;
		}
		return scalar.getValue();
	}

	/** A text or a list of texts; a list holds only the valid ones. */
	static List<String> texts(Node node, String name, int max, Problems problems) {
		if (!(node instanceof SequenceNode sequence)) {
			if (node instanceof ScalarNode) {
				String text = text(node, name, max, problems);
				return (text != null) ? List.of(text) : List.of();
			}
			problems.add(node, "'" + name + "' must be a text or a list of texts.", "");
			return List.of();
		}
		List<String> texts = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			String text = text(item, name, max, problems);
			if (text != null) {
				texts.add(text);
			}
		}
		return texts;
	}

	static Long number(Node node, String name, long min, long max, Problems problems) {
		String text = text(node, name, 20, problems);
		if (text == null) {
			return null;
		}
		if (!WHOLE_NUMBER.matcher(text).matches()) {
			problems.add(node, "'" + name + "' must be a whole number, not '" + text + "'.", "");
			return null;
		}
		long number = Long.parseLong(text);
		if (number < min || number > max) {
			problems.add(node, "'" + name + "' must be from " + min + " to " + max + ", not '" + text + "'.", "");
			return null;
		}
		return number;
	}

}
