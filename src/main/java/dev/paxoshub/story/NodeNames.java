package dev.paxoshub.story;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.yaml.snakeyaml.nodes.Node;

/** The cluster's node names, as a scenario may spell them: in any case. */
final class NodeNames {

	/** What {@code on} says to let the front door choose the node. */
	static final String FRONT_DOOR = "front-door";

	/**
	 * Nodes named by what they are in their Raft group when the step plays, found on each
	 * cluster separately: the scenario cannot know which node will lead.
	 */
	static final List<String> ROLES = List.of("leader", "follower");

	private static final int MAX_NAME = 40;

	private final List<String> names;

	private final Problems problems;

	NodeNames(List<String> names, Problems problems) {
		this.names = names;
		this.problems = problems;
	}

	/** What a step may name a node by: its name, or its role. */
	List<String> choices() {
		return Stream.concat(this.names.stream(), ROLES.stream()).toList();
	}

	/** The node named, in lower case; null when it is not one. */
	String node(Node value, String key) {
		String name = name(value, key);
		if (name != null && !known(name)) {
			this.problems.add(value, "Unknown node '" + name + "'.", Suggestions.hint(name, choices(), "Known nodes"));
			return null;
		}
		return name;
	}

	/** The node named, or null for the front door (or a name that is not one). */
	String nodeOrFrontDoor(Node value, String key) {
		String name = name(value, key);
		if (name == null || name.equals(FRONT_DOOR)) {
			return null;
		}
		if (!known(name)) {
			List<String> choices = Stream.concat(choices().stream(), Stream.of(FRONT_DOOR)).toList();
			this.problems.add(value, "Unknown node '" + name + "'.", Suggestions.hint(name, choices, "Known nodes"));
			return null;
		}
		return name;
	}

	private boolean known(String name) {
		return this.names.contains(name) || ROLES.contains(name);
	}

	private String name(Node value, String key) {
		String text = Values.text(value, key, MAX_NAME, this.problems);
		return (text != null) ? text.strip().toLowerCase(Locale.ROOT) : null;
	}

}
