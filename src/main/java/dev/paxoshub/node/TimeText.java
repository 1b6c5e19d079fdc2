package dev.paxoshub.node;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as pages show them: in UTC, so the three nodes print the same moment the same
 * way.
 */
public final class TimeText {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter
		.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private TimeText() {
	}

	public static String of(Instant instant) {
		return (instant != null) ? FORMAT.format(instant) : "";
	}

}
