package dev.paxoshub.home;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.paxoshub.home.ClusterTraffic.TrafficReport;

/**
 * Everything one cluster's dashboard shows, taken at one moment: the same record renders
 * the whole page and each section the live stream sends.
 */
record Dashboard(ClusterSnapshot cluster, AccountsMatrix accounts, List<TimelineEvent> timeline, TrafficReport traffic,
		List<PropertyLine> properties) {

	// The timeline is read within a day; the date would only push the sentences aside.
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/** Public, as every method a template calls must be. */
	public String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

}
