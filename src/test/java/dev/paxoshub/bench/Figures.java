package dev.paxoshub.bench;

import java.time.Duration;
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

	/**
	 * Milliseconds to a tenth at most (123, 12.3, 1.2): enough for sign-ups, which each
	 * hash a password for tens of milliseconds. Infinite, for what never happened, is
	 * "n/a" too.
	 */
	public static String msToTenths(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return NONE;
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** One decimal, as for seconds; NaN shows as such. */
	public static String tenths(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	public static String mb(double value) {
		return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%.0f", value);
	}

	public static String percent(double share) {
		return Double.isNaN(share) ? NONE : String.format(Locale.ROOT, "%.0f%%", share * 100);
	}

	/** Whole seconds without a decimal (2), others with one (0.5). */
	public static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0).replace(".0", "");
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
