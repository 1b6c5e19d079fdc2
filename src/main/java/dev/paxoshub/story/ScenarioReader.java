package dev.paxoshub.story;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file, written by a person and perhaps sent by a stranger, into a
 * {@link Scenario} that can be played as it is. The file is read as YAML nodes rather
 * than objects so that each mistake can name its line, and every mistake is reported at
 * once rather than the first alone.
 */
public final class ScenarioReader {

	static final int MAX_BYTES = 64 * 1024;

	static final int MAX_STEPS = 200;

	private static final List<String> KEYS = List.of("title", "summary", "actors", "steps");

	private static final Pattern ACTOR_NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");

	private static final int MAX_TITLE = 120;

	private static final int MAX_SUMMARY = 1_000;

	private static final int MAX_DESCRIPTION = 200;

	/** A scenario nests six deep at most (an expectation's list of texts, per mode). */
	private static final int MAX_NESTING = 10;

	private static final int MAX_ALIASES = 10;

	private final List<String> nodes;

	/**
	 * @param nodeNames the cluster's nodes, which steps name in any case
	 */
	public ScenarioReader(List<String> nodeNames) {
		this.nodes = nodeNames.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * @throws InvalidScenarioException with every mistake found, when there is any
	 */
	public Scenario read(String text) throws InvalidScenarioException {
		Problems problems = new Problems();
		Scenario scenario = read(text, problems);
		if (!problems.isEmpty()) {
			throw new InvalidScenarioException(problems.byLine());
		}
		return scenario;
	}

	private Scenario read(String text, Problems problems) {
		if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			problems.add(1, "The file is longer than 64 KB.", "Tell a shorter story, or split it in two.");
			return null;
		}
		Node root = compose(text, problems);
		if (root == null) {
			return null;
		}
		if (!(root instanceof MappingNode mapping)) {
			problems.add(root, "A scenario must be a mapping of title, summary, actors and steps.", "");
			return null;
		}
		YamlMapping file = new YamlMapping(mapping, problems);
		file.rejectKeysOutside(KEYS);
		String title = title(file, problems);
		String summary = file.text("summary", MAX_SUMMARY);
		Map<String, String> actors = actors(file, problems);
		List<Step> steps = steps(file, new StepReader(new NodeNames(this.nodes, problems), actors.keySet(), problems),
				problems);
		return new Scenario(title, (summary != null) ? summary.strip() : "", actors, steps);
	}

	/** The file's root node, or null when there is none, reported. */
	private static Node compose(String text, Problems problems) {
		try {
			Node root = new Yaml(new SafeConstructor(loaderOptions())).compose(new StringReader(text));
			if (root == null) {
				problems.add(1, "The file is empty.", "A scenario has a title, actors and steps.");
			}
			return root;
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			problems.add((mark != null) ? mark.getLine() + 1 : 1, "This is not valid YAML: " + sentence(problem(ex)),
					"Check the indentation and the punctuation here and on the line before.");
		}
		catch (YAMLException ex) {
			problems.add(1, "This YAML cannot be read as a scenario: " + sentence(ex.getMessage()), "");
		}
		return null;
	}

	/**
	 * Tight limits: a scenario is a page of text, so anything beyond them is a mistake or
	 * an attack, such as a billion laughs.
	 */
	private static LoaderOptions loaderOptions() {
		LoaderOptions options = new LoaderOptions();
		// Only a constructor applies it: with compose(), YamlMapping refuses a repeated
		// key.
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(MAX_ALIASES);
		options.setNestingDepthLimit(MAX_NESTING);
		options.setCodePointLimit(4 * MAX_BYTES);
		return options;
	}

	/**
	 * Some problems only make sense after their context: "but found another document".
	 */
	private static String problem(MarkedYAMLException ex) {
		String problem = Objects.requireNonNullElse(ex.getProblem(), "");
		return (ex.getContext() != null && problem.startsWith("but ")) ? ex.getContext() + ", " + problem : problem;
	}

	private static String sentence(String problem) {
		String text = (problem == null || problem.isBlank()) ? "it cannot be read" : problem.strip();
		return text.endsWith(".") ? text : text + ".";
	}

	private static String title(YamlMapping file, Problems problems) {
		if (!file.require("title", "The scenario has no 'title'.",
				"Give it one, such as: title: A story about consensus")) {
			return null;
		}
		String title = file.text("title", MAX_TITLE);
		if (title != null && title.isBlank()) {
			problems.add(file.value("title"), "'title' is blank.", "");
		}
		return (title != null) ? title.strip() : null;
	}

	private static Map<String, String> actors(YamlMapping file, Problems problems) {
		if (!file.require("actors", "The scenario has no 'actors'.",
				"Declare who takes part, such as: you: You, signing up")) {
			return Map.of();
		}
		Node node = file.value("actors");
		if (!(node instanceof MappingNode mapping)) {
			problems.add(node, "'actors' must be a mapping of names to descriptions.",
					"For example: you: You, signing up for the first time");
			return Map.of();
		}
		YamlMapping declared = new YamlMapping(mapping, problems);
		if (declared.keys().isEmpty()) {
			problems.add(node, "'actors' declares nobody.", "Declare at least one, such as: you: You, signing up");
		}
		Map<String, String> actors = new LinkedHashMap<>();
		for (String name : declared.keys()) {
			String actor = name.toLowerCase(Locale.ROOT);
			String description = declared.text(name, MAX_DESCRIPTION);
			if (!ACTOR_NAME.matcher(actor).matches()) {
				problems.add(declared.keyNode(name), "'" + name + "' is not a valid actor name.",
						"A name starts with a letter and has at most 20 letters, digits and hyphens.");
			}
			else if (actors.containsKey(actor)) {
				problems.add(declared.keyNode(name), "The actor '" + actor + "' is declared twice.", "");
			}
			else if (description != null && description.strip().contains("\n")) {
				problems.add(declared.value(name), "The description of '" + actor + "' is more than one line.", "");
			}
			else {
				actors.put(actor, (description != null) ? description.strip() : "");
			}
		}
		return actors;
	}

	private static List<Step> steps(YamlMapping file, StepReader reader, Problems problems) {
		if (!file.require("steps", "The scenario has no 'steps'.", "Add a list of steps, each starting with a dash.")) {
			return List.of();
		}
		Node node = file.value("steps");
		if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			problems.add(node, "'steps' must be a list of one or more steps.",
					"Start each step with a dash, such as: - actor: you");
			return List.of();
		}
		List<Node> items = sequence.getValue();
		if (items.size() > MAX_STEPS) {
			problems.add(items.get(MAX_STEPS),
					"A scenario has at most " + MAX_STEPS + " steps; this is step " + (MAX_STEPS + 1) + ".",
					"Tell a shorter story, or split it in two.");
		}
		return items.stream().limit(MAX_STEPS).map(reader::read).filter(Objects::nonNull).toList();
	}

}
