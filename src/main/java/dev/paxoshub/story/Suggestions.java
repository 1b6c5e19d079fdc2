package dev.paxoshub.story;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * A hint for a name that is not known: the known one it most likely meant, or else all of
 * them, since a list of what is allowed beats a guess that is far off.
 */
final class Suggestions {

	private static final int MAX_DISTANCE = 2;

	private static final int MIN_PREFIX = 3;

	private Suggestions() {
	}

	/**
	 * @param label what the names are, such as {@code Known actions}
	 */
	static String hint(String given, Collection<String> known, String label) {
		return hint(given, known, known, label);
	}

	/**
	 * @param likely the names it may have meant
	 * @param known every name allowed, listed when none of the likely ones is close
	 */
	static String hint(String given, Collection<String> likely, Collection<String> known, String label) {
		return nearest(given, likely).map((name) -> "Did you mean '" + name + "'?")
			.orElseGet(() -> known.isEmpty() ? "" : label + ": " + String.join(", ", known) + ".");
	}

	/**
	 * The known name a few letters away, or else one that the given name begins, since a
	 * name is often cut short ({@code delay} for {@code delay-ms}).
	 */
	static Optional<String> nearest(String given, Collection<String> known) {
		String typed = given.toLowerCase(Locale.ROOT);
		Optional<String> near = known.stream()
			.filter((name) -> distance(typed, name) <= MAX_DISTANCE)
			.min(Comparator.comparingInt((name) -> distance(typed, name)));
		return near.or(() -> known.stream()
			.filter((name) -> typed.length() >= MIN_PREFIX && name.startsWith(typed))
			.findFirst());
	}

	/**
	 * Levenshtein's: the fewest letters added, removed or changed to turn one into the
	 * other.
	 */
	static int distance(String from, String to) {
		int[] previous = new int[to.length() + 1];
		int[] current = new int[to.length() + 1];
		for (int j = 0; j <= to.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= from.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= to.length(); j++) {
				int change = (from.charAt(i - 1) == to.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1], previous[j]) + 1, previous[j - 1] + change);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[to.length()];
	}

}
