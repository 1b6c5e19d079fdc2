package dev.paxoshub.checker;

import java.util.List;
import java.util.Locale;

/**
 * The few words every explanation of the checker shares, so that all its sentences name
 * operations, values and durations the same way.
 */
final class Phrases {

	private Phrases() {
	}

	/** {@code read #41}: how a person finds the operation in the report. */
	static String op(Op op) {
		return op.kind().name().toLowerCase(Locale.ROOT) + " #" + op.id();
	}

	/** A display name in quotes; a display name never set is not an empty string. */
	static String displayName(String value) {
		return (value != null) ? "'" + value + "'" : "no display name";
	}

	/** {@code 40 ms} under a second, {@code 1.2 s} from there. */
	static String duration(double millis) {
		if (millis < 1000) {
			return String.format(Locale.ROOT, "%.0f ms", millis);
		}
		return String.format(Locale.ROOT, "%.1f s", millis / 1000);
	}

	/** {@code Neo}: nodes are named like people. */
	static String node(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
	}

	/** {@code a1}, {@code a1 and a2}, {@code a1, a2 and a3}. */
	static String and(List<String> words) {
		if (words.size() < 2) {
			return String.join("", words);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
	}

}
