package dev.paxoshub.bench;

import java.util.Locale;

/**
 * How the benchmark reports write their numbers: "n/a" for what was not measured, and
 * {@link Locale#ROOT} so that a report reads the same whatever the machine's locale.
 */
public final class Figures {

	private static final String NONE = "n/a";

	private Figures() {
	}

	/**
	 * Milliseconds to about three figures (123, 12.3, 1.23): a claim inside one JVM takes
	 * about a millisecond, so tenths would hide the difference consensus makes.
	 */
	public static String ms(double value) {
		if (Double.isNaN(value)) {
			return NONE;
		}
		if (value >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		if (value >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/** ON against OFF, as "1.25×". */
	public static String ratio(double on, double off) {
		return (Double.isNaN(on) || Double.isNaN(off) || off == 0) ? NONE
				: String.format(Locale.ROOT, "%.2f×", on / off);
	}

	public static String orNa(String text) {
		return (text == null) ? NONE : text;
	}

}
