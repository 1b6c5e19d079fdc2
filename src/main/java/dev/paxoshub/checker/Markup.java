package dev.paxoshub.checker;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The few rules every piece of the report follows when it writes HTML or SVG: usernames,
 * errors, fault descriptions and role names come from the network or from other
 * processes, so none of them reaches the page but escaped, and none becomes a class name
 * unless it is a plain token.
 */
final class Markup {

	// A class attribute is a list of tokens: a value with a space in it would add classes
	// of its own, and one with a quote could close the attribute.
	private static final Pattern TOKEN = Pattern.compile("[a-z0-9_-]{1,40}");

	private Markup() {
	}

	/**
	 * Safe both as element text and inside a double- or single-quoted attribute, in HTML
	 * and in SVG. Control characters XML forbids are replaced too, so that the SVG stays
	 * well-formed if someone copies it out of the page.
	 */
	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? '\uFFFD' : c);
			}
		}
		return out.toString();
	}

	/** The value as a class token, or the fallback when it is not a plain one. */
	static String token(String value, String fallback) {
		if (value == null) {
			return fallback;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		return TOKEN.matcher(lower).matches() ? lower : fallback;
	}

	/**
	 * A coordinate: two decimals are finer than a pixel, and the root locale keeps a
	 * comma out of attribute values whatever the machine's language.
	 */
	static String num(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e9) {
			return Long.toString((long) value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/** Milliseconds as a person reads them: "850 ms", "3.2 s". */
	static String duration(double ms) {
		if (Double.isNaN(ms)) {
			return "?";
		}
		if (Math.abs(ms) < 1000) {
			return String.format(Locale.ROOT, "%.0f ms", ms);
		}
		return String.format(Locale.ROOT, "%.1f s", ms / 1000);
	}

	/** A moment of the run, in seconds from its start. */
	static String at(double ms) {
		return String.format(Locale.ROOT, "%.2f s", ms / 1000);
	}

	/** "1 operation", "3 operations". */
	static String count(long n, String one, String many) {
		return n + " " + ((n == 1) ? one : many);
	}

	static String capitalised(String name) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
	}

}
