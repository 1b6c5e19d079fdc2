package dev.paxoshub.story;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A step's {@code expect}: one expectation for every side, or a mapping of
 * {@code common}, {@code off} and {@code on}, each an expectation of its own.
 */
final class ExpectationReader {

	private static final List<String> KEYS = List.of("notice", "status", "contains", "lacks");

	private static final List<String> EITHER_FORM = Stream.concat(KEYS.stream(), NarrationReader.MODES.stream())
		.toList();

	private static final int MAX_NOTICE = 300;

	private static final int MAX_TEXT = 500;

	private final Problems problems;

	ExpectationReader(Problems problems) {
		this.problems = problems;
	}

	/**
	 * @param node the value of {@code expect}, or null when the step has none
	 */
	Expectations read(Node node) {
		if (node == null) {
			return Expectations.NONE;
		}
		YamlMapping expect = mapping(node, "expect");
		if (expect == null) {
			return Expectations.NONE;
		}
		expect.rejectKeysOutside(EITHER_FORM);
		boolean perMode = NarrationReader.MODES.stream().anyMatch(expect::has);
		if (perMode && KEYS.stream().anyMatch(expect::has)) {
			this.problems.add(expect.line(), "'expect' mixes one expectation with expectations per mode.",
					"Give either notice, status, contains and lacks, or common, off and on, each with its own.");
			return Expectations.NONE;
		}
		if (!perMode) {
			return new Expectations(expectation(expect), Map.of());
		}
		Map<String, Expectation> byMode = new HashMap<>();
		for (String mode : List.of("off", "on")) {
			if (expect.has(mode)) {
				byMode.put(mode, expectation(expect.value(mode), mode));
			}
		}
		return new Expectations(expect.has("common") ? expectation(expect.value("common"), "common") : null, byMode);
	}

	private Expectation expectation(Node node, String name) {
		YamlMapping expectation = mapping(node, name);
		if (expectation == null) {
			return new Expectation("", null, List.of(), List.of());
		}
		expectation.rejectKeysOutside(KEYS);
		return expectation(expectation);
	}

	private Expectation expectation(YamlMapping expectation) {
		if (KEYS.stream().noneMatch(expectation::has)) {
			this.problems.add(expectation.line(),
					"An expectation needs at least one of notice, status, contains or lacks.", "");
		}
		String notice = expectation.text("notice", MAX_NOTICE);
		Long status = expectation.has("status")
				? Values.number(expectation.value("status"), "status", 100, 599, this.problems) : null;
		return new Expectation((notice != null) ? notice.strip() : "", (status != null) ? status.intValue() : null,
				texts(expectation, "contains"), texts(expectation, "lacks"));
	}

	/** Texts looked for on a page; an empty one would be found on every page. */
	private List<String> texts(YamlMapping expectation, String key) {
		if (!expectation.has(key)) {
			return List.of();
		}
		Node node = expectation.value(key);
		List<String> texts = Values.texts(node, key, MAX_TEXT, this.problems).stream().map(String::strip).toList();
		if (texts.contains("")) {
			this.problems.add(node, "'" + key + "' has an empty text.", "An empty text tells nothing about a page.");
		}
		return texts;
	}

	private YamlMapping mapping(Node node, String name) {
		if (node instanceof MappingNode mapping) {
			return new YamlMapping(mapping, this.problems);
		}
		this.problems.add(node, "'" + name + "' must be a mapping of notice, status, contains and lacks.", "");
		return null;
	}

}
