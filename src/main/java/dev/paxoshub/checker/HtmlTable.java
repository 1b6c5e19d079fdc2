package dev.paxoshub.checker;

/**
 * A table of the report. Cells are HTML the caller has already built, with every piece of
 * text in it passed through {@link Markup#escape}: the table cannot know which part of a
 * cell is a link it made and which a username from the network.
 */
final class HtmlTable {

	private final StringBuilder html = new StringBuilder();

	private int rows;

	HtmlTable(String cssClass, String... headers) {
		this.html.append("<table class=\"").append(cssClass).append("\"><thead><tr>");
		for (String header : headers) {
			this.html.append("<th>").append(Markup.escape(header)).append("</th>");
		}
		this.html.append("</tr></thead><tbody>");
	}

	HtmlTable row(String... cells) {
		return rowWithClass(null, cells);
	}

	/** A row with a class, or an anchor: {@code attributes} is trusted markup. */
	HtmlTable rowWithClass(String attributes, String... cells) {
		this.html.append("<tr").append((attributes != null) ? " " + attributes : "").append('>');
		for (String cell : cells) {
			this.html.append("<td>").append(cell).append("</td>");
		}
		this.html.append("</tr>");
		this.rows++;
		return this;
	}

	/** The table, or the sentence saying why there is none. */
	String html(String whenEmpty) {
		if (this.rows == 0) {
			return "<p class=\"none\">" + Markup.escape(whenEmpty) + "</p>";
		}
		return this.html + "</tbody></table>";
	}

}
