package dev.paxoshub.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/**
 * The mistakes found while reading one scenario file. Reading goes on after each, so that
 * the author sees them all at once.
 */
final class Problems {

	private final List<ScenarioError> errors = new ArrayList<>();

	void add(Node at, String message, String hint) {
		add(lineOf(at), message, hint);
	}

	void add(int line, String message, String hint) {
		this.errors.add(new ScenarioError(line, message, hint));
	}

	boolean isEmpty() {
		return this.errors.isEmpty();
	}

	/** Those on the same line in the order they were found. */
	List<ScenarioError> byLine() {
		return this.errors.stream().sorted(Comparator.comparingInt(ScenarioError::line)).toList();
	}

	/** SnakeYAML counts lines from 0; people and editors count them from 1. */
	static int lineOf(Node node) {
		return node.getStartMark().getLine() + 1;
	}

}
