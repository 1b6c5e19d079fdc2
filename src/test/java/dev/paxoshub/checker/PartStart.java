package dev.paxoshub.checker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long a part took to serve after {@code cluster.sh start} launched it, and its
 * resident memory then, as the script prints them.
 */
record PartStart(double seconds, double rssMb) {

	/** The line {@code cluster.sh start} prints for each part once it serves. */
	private static final Pattern SERVES = Pattern
		.compile("^(\\S+) serves \\((\\S+)\\) ([0-9.]+) s after its start, (\\S+) MB resident", Pattern.MULTILINE);

	/** Each part's start, from the whole output of {@code cluster.sh start}. */
	static Map<String, PartStart> of(String output) {
		Map<String, PartStart> starts = new LinkedHashMap<>();
		Matcher matcher = SERVES.matcher(output);
		while (matcher.find()) {
			double rss = matcher.group(4).matches("\\d+") ? Double.parseDouble(matcher.group(4)) : Double.NaN;
			starts.put(matcher.group(1), new PartStart(Double.parseDouble(matcher.group(3)), rss));
		}
		return starts;
	}

	/** The "serves" lines themselves, to show them as the script printed them. */
	static Stream<String> lines(String output) {
		return output.lines().filter((line) -> SERVES.matcher(line).find());
	}

}
