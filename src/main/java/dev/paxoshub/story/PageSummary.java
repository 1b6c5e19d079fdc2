package dev.paxoshub.story;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a person takes in at a glance from a page: the error or message the site shows
 * first, and otherwise its headline.
 */
final class PageSummary {

	/** Messages the site's layout and forms show, most telling first. */
	private static final String MESSAGES = ".form-errors, .field-error, .flash, .error-message, .node-error";

	private PageSummary() {
	}

	static String of(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document page = Jsoup.parse(html);
		Element message = page.selectFirst(MESSAGES);
		if (message != null && !message.text().isBlank()) {
			return shorten(message.text());
		}
		Element headline = page.selectFirst("h1");
		if (headline != null && !headline.text().isBlank()) {
			return shorten(headline.text());
		}
		return shorten(page.title());
	}

	/** The words of the page, for checking what it says. */
	static String text(String html) {
		return (html == null) ? "" : Jsoup.parse(html).text();
	}

	private static String shorten(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() <= 160) ? line : line.substring(0, 157) + "...";
	}

}
