package dev.paxoshub.story;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario file that cannot be played, with every mistake found in it, so that its
 * author can fix them all in one go.
 */
public class InvalidScenarioException extends RuntimeException {

	private final List<ScenarioError> errors;

	public InvalidScenarioException(List<ScenarioError> errors) {
		super(errors.stream().map(ScenarioError::describe).collect(Collectors.joining("\n")));
		this.errors = List.copyOf(errors);
	}

	/** In the order of the file's lines. */
	public List<ScenarioError> errors() {
		return this.errors;
	}

}
