package dev.paxoshub.checker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys under the charts' titles, painted from {@link Palette} like the charts
 * themselves. Each is HTML with small inline swatches, so that it wraps on a narrow
 * screen where an SVG legend would be cut.
 */
final class Legend {

	private Legend() {
	}

	static String outcomes() {
		return "<ul class=\"legend\">" + outcome(Op.Outcome.OK, "ok: it succeeded")
				+ outcome(Op.Outcome.FAIL, "fail: it certainly did not happen")
				+ outcome(Op.Outcome.UNKNOWN, "unknown: no answer, it may or may not have happened") + "</ul>";
	}

	static String kinds() {
		String grey = "fill=\"#d0d7de\" stroke=\"" + Palette.MUTED + "\"";
		return "<ul class=\"legend\">" + item(shape("<circle cx=\"6\" cy=\"6\" r=\"4\" " + grey + "/>"), "claim")
				+ item(shape("<rect x=\"2\" y=\"2\" width=\"8\" height=\"8\" " + grey + "/>"), "edit")
				+ item(shape("<polygon points=\"6,1 11,10 1,10\" " + grey + "/>"), "read") + "</ul>";
	}

	/** Only when some operation is outlined: a key to nothing would puzzle. */
	static String flagged(boolean any) {
		return any ? "<ul class=\"legend\">" + item("<span class=\"swatch flagged\"></span>",
				"outlined: an operation an anomaly names (listed at the bottom)") + "</ul>" : "";
	}

	static String roles() {
		Map<String, String> roles = new LinkedHashMap<>();
		roles.put("leader", "leader");
		roles.put("follower", "follower");
		roles.put("candidate", "candidate (an election is on)");
		roles.put("down", "down (did not answer)");
		roles.put("other", "off or other (no Raft, or another role)");
		StringBuilder html = new StringBuilder("<ul class=\"legend\">");
		roles.forEach((group, text) -> html.append(item(swatch(Palette.roleColour(group), 1), text)));
		return html.append("</ul>").toString();
	}

	/** The kinds of fault this run had, or nothing when it had none. */
	static String faults(List<Fault> faults) {
		Map<String, String> kinds = new LinkedHashMap<>();
		for (Fault fault : faults) {
			kinds.putIfAbsent(Palette.faultGroup(fault.kind()), fault.kind());
		}
		if (kinds.isEmpty()) {
			return "";
		}
		StringBuilder html = new StringBuilder("<ul class=\"legend faults\">");
		kinds.forEach((group, kind) -> html.append(
				item(swatch(Palette.faultColour(group), 0.25), "fault: " + (group.equals("other") ? "other" : kind))));
		return html.append("</ul>").toString();
	}

	private static String outcome(Op.Outcome outcome, String text) {
		return item("<span class=\"swatch\" style=\"background:" + Palette.fill(outcome) + ";border-color:"
				+ Palette.stroke(outcome) + "\"></span>", text);
	}

	private static String swatch(String colour, double opacity) {
		String alpha = (opacity >= 1) ? "" : String.format(Locale.ROOT, "%02x", (int) (opacity * 255));
		return "<span class=\"swatch\" style=\"background:" + colour + alpha + ";border-color:" + colour + "\"></span>";
	}

	private static String shape(String body) {
		return "<svg class=\"shape\" width=\"12\" height=\"12\" viewBox=\"0 0 12 12\" aria-hidden=\"true\">" + body
				+ "</svg>";
	}

	private static String item(String mark, String text) {
		return "<li>" + mark + Markup.escape(text) + "</li>";
	}

}
