package dev.paxoshub.home;

import java.math.BigDecimal;

/**
 * Just enough of an SVG writer that nothing from the input can become markup: element and
 * attribute names are always the code's own constants, and every value and every text
 * passes through {@link #escape(String)} here, so a caller cannot forget it.
 */
final class SvgWriter {

	private final StringBuilder out = new StringBuilder(16_384);

	/**
	 * Opens an element. Attributes come as name, value pairs; a null value leaves the
	 * attribute out, a {@code double} is written with at most two decimals.
	 */
	SvgWriter open(String element, Object... attributes) {
		start(element, attributes);
		this.out.append('>');
		return this;
	}

	SvgWriter empty(String element, Object... attributes) {
		start(element, attributes);
		this.out.append("/>");
		return this;
	}

	SvgWriter text(String element, String text, Object... attributes) {
		open(element, attributes);
		this.out.append(escape(text));
		return close(element);
	}

	SvgWriter close(String element) {
		this.out.append("</").append(element).append('>');
		return this;
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

	private void start(String element, Object[] attributes) {
		if (attributes.length % 2 != 0) {
			throw new IllegalArgumentException("Attributes come in name, value pairs");
		}
		this.out.append('<').append(element);
		for (int i = 0; i < attributes.length; i += 2) {
			Object value = attributes[i + 1];
			if (value != null) {
				this.out.append(' ')
					.append((String) attributes[i])
					.append("=\"")
					.append(escape((value instanceof Double number) ? number(number) : String.valueOf(value)))
					.append('"');
			}
		}
	}

	/**
	 * Hundredths are finer than any screen shows (and enough for an opacity), and the
	 * document stays far shorter than with {@link Double#toString()}.
	 */
	static String number(double value) {
		return BigDecimal.valueOf(Math.round(value * 100), 2).stripTrailingZeros().toPlainString();
	}

	/**
	 * Escapes the five characters XML gives a meaning to, and replaces what XML 1.0 has
	 * no place for at all (most control characters, lone surrogates, U+FFFE and U+FFFF)
	 * with U+FFFD: one of them from a node's name would otherwise make the whole document
	 * unreadable.
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.appendCodePoint(allowedInXml(c) ? c : '\uFFFD');
			}
		});
		return escaped.toString();
	}

	private static boolean allowedInXml(int c) {
		return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

}
