package dev.paxoshub.bench;

/** Rows of the Markdown tables in the benchmark reports. */
public final class Markdown {

	private Markdown() {
	}

	/** {@code | a | b |} and a newline; an empty cell is written {@code | |}. */
	public static String row(Object... cells) {
		StringBuilder row = new StringBuilder("|");
		for (Object cell : cells) {
			String text = String.valueOf(cell);
			row.append(text.isEmpty() ? "" : " " + text).append(" |");
		}
		return row.append('\n').toString();
	}

}
