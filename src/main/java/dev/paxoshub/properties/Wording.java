package dev.paxoshub.properties;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The small pieces every evidence sentence is made of, so that all five properties name
 * nodes, times and counts the same way.
 */
final class Wording {

	/** A time of day is enough: the dashboard shows the last minutes, not last week. */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/** Beyond this many, a list of names stops helping the reader check it. */
	private static final int NAMES_SHOWN = 3;

	private Wording() {
	}

	static String node(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	static List<String> nodes(Collection<NodeObservation> nodes) {
		return nodes.stream().map((node) -> node(node.node())).toList();
	}

	static String time(Instant instant) {
		return TIME.format(instant);
	}

	static String duration(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + " ms";
		}
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : String.format(Locale.ENGLISH, "%.1f s", millis / 1000.0);
	}

	/** "1 account", "3 accounts". */
	static String count(long count, String one, String many) {
		return count + " " + ((count == 1) ? one : many);
	}

	/** "Neo", "Morpheus and Neo", "Morpheus, Neo and Trinity". */
	static String and(List<String> items) {
		if (items.size() < 2) {
			return String.join("", items);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
	}

	/** "a, b", or "a, b, c and 4 more" when the list is too long to read. */
	static String names(List<String> names) {
		if (names.size() <= NAMES_SHOWN) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN) + " more";
	}

}
