package dev.paxoshub.checker;

/**
 * The report's colours in one place, so that a chart and the legend next to it can never
 * disagree. Outcomes follow Jepsen's timeline (green ok, pink fail, yellow for an
 * operation whose fate is unknown), so that anyone who has read one reads ours.
 * <p>
 * The charts paint with presentation attributes rather than only CSS classes: an SVG
 * copied out of the page keeps its meaning.
 */
final class Palette {

	static final String INK = "#1f2328";

	static final String MUTED = "#59636e";

	static final String GRID = "#d8dee4";

	static final String STRIPE = "#f6f8fa";

	private Palette() {
	}

	static String fill(Op.Outcome outcome) {
		return switch (outcome) {
			case OK -> "#6fdd8b";
			case FAIL -> "#ff8fb1";
			case UNKNOWN -> "#ffd33d";
		};
	}

	static String stroke(Op.Outcome outcome) {
		return switch (outcome) {
			case OK -> "#1a7f37";
			case FAIL -> "#cf222e";
			case UNKNOWN -> "#bf8700";
		};
	}

	/** Outcome as a class name, and as the report says it. */
	static String name(Op.Outcome outcome) {
		return switch (outcome) {
			case OK -> "ok";
			case FAIL -> "fail";
			case UNKNOWN -> "unknown";
		};
	}

	static String name(Op.Kind kind) {
		return switch (kind) {
			case CLAIM -> "claim";
			case EDIT -> "edit";
			case READ -> "read";
		};
	}

	/**
	 * The role group a reported role is drawn as: Raft's three roles, a node that did not
	 * answer, and everything else (a node without Raft, or a role Atomix adds).
	 */
	static String roleGroup(String role) {
		String token = Markup.token(role, "other");
		return switch (token) {
			case "leader", "follower", "candidate", "down" -> token;
			default -> "other";
		};
	}

	static String roleColour(String group) {
		return switch (group) {
			case "leader" -> "#0969da";
			case "follower" -> "#b6e3ff";
			case "candidate" -> "#fb8f44";
			case "down" -> "#424a53";
			default -> "#d0d7de";
		};
	}

	/**
	 * The kind of fault as a class name; a kind the nemesis may add later is drawn grey
	 * rather than refused.
	 */
	static String faultGroup(String kind) {
		String token = Markup.token(kind, "other");
		return switch (token) {
			case "kill", "pause", "partition", "partition-leader", "flaky" -> token;
			default -> "other";
		};
	}

	static String faultColour(String group) {
		return switch (group) {
			case "kill" -> "#cf222e";
			case "pause" -> "#0969da";
			case "partition" -> "#8250df";
			case "partition-leader" -> "#bf3989";
			case "flaky" -> "#bc4c00";
			default -> "#57606a";
		};
	}

}
