package dev.paxoshub.story;

/**
 * One mistake in a scenario file, put so that its author can find it and put it right.
 *
 * @param line the file's line, from 1; a mistake of the file as a whole (too long, not
 * YAML a scenario can use) is on line 1
 * @param message what is wrong, in a sentence
 * @param hint how to put it right, in a sentence; empty when the message says it all
 */
public record ScenarioError(int line, String message, String hint) {

	public ScenarioError {
		hint = (hint != null) ? hint : "";
	}

	/** The error on one line, as an editor or a terminal shows it. */
	public String describe() {
		return "line " + this.line + ": " + this.message + (this.hint.isEmpty() ? "" : " " + this.hint);
	}

}
