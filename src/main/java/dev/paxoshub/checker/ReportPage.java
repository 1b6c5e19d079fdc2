package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's report as one HTML page: the verdict first, in words anyone can read, then
 * what went wrong, what the faults cost, and the three charts that show when it all
 * happened. Everything is inline (the CSS and the SVG, no script) so that the file opens
 * from disk with no network.
 */
final class ReportPage {

	private ReportPage() {
	}

	static String render(History history, FinalState finalState, Verdict verdict, RunSummary summary) {
		TimeAxis axis = TimeAxis.of(history);
		FaultBands faults = new FaultBands(history.faults(), axis);
		AnomalyTables anomalies = new AnomalyTables(history, verdict);
		StringBuilder html = new StringBuilder(4096 + history.ops().size() * 500);
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>")
			.append(Markup.escape(modeText(summary.mode())))
			.append(": ")
			.append(summary.validity())
			.append(" · paxoshub fault check</title><style>")
			.append(CSS)
			.append("</style></head><body>");
		header(html, summary);
		html.append("<main>");
		howToRead(html);
		html.append("<section id=\"anomalies\"><h2>Anomalies</h2>");
		anomaly(html, "duplicates", "Duplicate owners", summary.duplicates(),
				"A username that two different accounts were told was theirs. Signing up must give a name to "
						+ "at most one account, whatever breaks.",
				anomalies.duplicates());
		anomaly(html, "lost-writes", "Lost writes", summary.lostWrites(),
				"A sign-up or an edit the site said yes to, that a node no longer shows once the faults are over.",
				anomalies.lostWrites());
		anomaly(html, "stale-reads", "Stale reads", summary.staleReads(),
				"A read that returned something older than a write that had already been acknowledged before "
						+ "the read was sent.",
				anomalies.staleReads());
		anomaly(html, "non-linearizable", "Non-linearizable usernames", summary.nonLinearizableKeys(),
				"A username whose operations cannot be put in any single order that respects real time and "
						+ "makes every answer right: no single copy of the data could have answered that way.",
				anomalies.nonLinearizable());
		html.append("</section>");
		html.append("<section id=\"undecided\"><h2>Undecided usernames <span class=\"badge ")
			.append((summary.undecidedKeys() == 0) ? "ok" : "warn")
			.append("\">")
			.append(summary.undecidedKeys())
			.append("</span></h2><p class=\"lede\">")
			.append("A username whose operations overlap so much that the search for an order gave up before it ")
			.append("could tell. That is no anomaly, but no proof either: with any of these, a run without ")
			.append("anomalies is UNKNOWN, not VALID.</p>")
			.append(anomalies.undecided())
			.append("</section>");
		html.append("<section id=\"availability\"><h2>Availability</h2>")
			.append("<h3>Outages per fault</h3><p class=\"lede\">")
			.append("How long writes could not succeed, from the moment each fault began.</p>")
			.append(AvailabilityTables.outages(verdict))
			.append("<h3>Recovery per node</h3><p class=\"lede\">How soon each node answered again once every ")
			.append("fault was lifted; it must within ")
			.append(AvailabilityTables.RECOVERY_LIMIT)
			.append(".</p>")
			.append(AvailabilityTables.recoveries(verdict))
			.append("<h3>What each node held at the end</h3>")
			.append(AvailabilityTables.finalState(finalState))
			.append("</section>");
		chart(html, "timeline", "Timeline",
				"One lane per client. Each bar is one operation, from when the client sent it to when the answer "
						+ "came (or the client gave up). Hover a bar for its details.",
				Legend.outcomes() + Legend.flagged(!anomalies.named().isEmpty()) + Legend.faults(faults.faults()),
				TimelineSvg.render(history, axis, faults, anomalies.named()));
		chart(html, "latency", "Latency over time",
				"Each mark is one operation: how long it took, on a logarithmic scale, against when it was sent. "
						+ "Faults show as a cloud of slow or unknown operations.",
				Legend.outcomes() + Legend.kinds() + Legend.flagged(!anomalies.named().isEmpty())
						+ Legend.faults(faults.faults()),
				LatencySvg.render(history, axis, faults, anomalies.named()));
		chart(html, "roles", "Raft roles over time",
				"The role each node reported, sampled during the run; a sample holds until the next one. A healthy "
						+ "cluster has exactly one leader.",
				Legend.roles() + Legend.faults(faults.faults()), RolesSvg.render(history, axis, faults));
		html.append("<section id=\"operations\"><h2>Operations named above</h2>")
			.append("<p class=\"lede\">Every operation an anomaly points to, in full. Its number links to its bar on ")
			.append("the timeline.</p>")
			.append(anomalies.namedOperations())
			.append("</section>");
		html.append("</main><footer>Written by the paxoshub checker. Times are seconds since the clients began; ")
			.append("the check took ")
			.append(Markup.escape(Markup.duration(summary.checkMillis())))
			.append(".</footer></body></html>\n");
		return html.toString();
	}

	private static void header(StringBuilder html, RunSummary summary) {
		String verdictClass = summary.validity().name().toLowerCase(Locale.ROOT);
		html.append("<header class=\"banner ")
			.append(verdictClass)
			.append("\"><p class=\"brand\">paxoshub · fault check</p><h1><span class=\"mode\">")
			.append(Markup.escape(modeText(summary.mode())))
			.append("</span><span class=\"verdict ")
			.append(verdictClass)
			.append("\">")
			.append(summary.validity())
			.append("</span></h1><p class=\"reason\">")
			.append(Markup.escape(reason(summary)))
			.append("</p><dl class=\"facts\">");
		fact(html, "Run length", Markup.duration(summary.durationMs()), null);
		fact(html, "Operations", Integer.toString(summary.operations()), summary.outcome(Op.Outcome.OK) + " ok, "
				+ summary.outcome(Op.Outcome.FAIL) + " fail, " + summary.outcome(Op.Outcome.UNKNOWN) + " unknown");
		fact(html, "Clients", Integer.toString(summary.clients()), null);
		fact(html, "Faults", Integer.toString(summary.faults().size()), faultKinds(summary.faults()));
		fact(html, "Usernames checked", Integer.toString(summary.keysChecked()), null);
		html.append("</dl></header>");
		html.append("<nav class=\"tabs\"><a href=\"#how\">How to read this</a><a href=\"#anomalies\">Anomalies</a>")
			.append("<a href=\"#availability\">Availability</a><a href=\"#timeline\">Timeline</a>")
			.append("<a href=\"#latency\">Latency</a><a href=\"#roles\">Raft roles</a>")
			.append("<a href=\"#operations\">Operations</a></nav>");
	}

	private static void fact(StringBuilder html, String name, String value, String detail) {
		html.append("<div><dt>").append(Markup.escape(name)).append("</dt><dd>").append(Markup.escape(value));
		if (detail != null && !detail.isEmpty()) {
			html.append(" <small>(").append(Markup.escape(detail)).append(")</small>");
		}
		html.append("</dd></div>");
	}

	private static void howToRead(StringBuilder html) {
		html.append("<section id=\"how\" class=\"how\"><h2>How to read this</h2><p>")
			.append("During the run, a few clients kept signing up for usernames, changing display names and ")
			.append("reading accounts back, while a saboteur (the <em>nemesis</em>) killed, paused or cut off ")
			.append("the nodes one at a time. Every request was written down with when it was sent, when it ")
			.append("ended and how: <strong>ok</strong> (it worked), <strong>fail</strong> (it certainly did ")
			.append("not happen) or <strong>unknown</strong> (no answer came, so it may have happened or not). ")
			.append("Afterwards a checker looked for answers that no correct single copy of the data could ")
			.append("have given: a name given to two people, a confirmed change that vanished, a read that ")
			.append("went back in time. The run is <strong>VALID</strong> only if it found none and every ")
			.append("node recovered in time, and <strong>INVALID</strong> if it found any. When it found none ")
			.append("but could not finish checking some username, the run is <strong>UNKNOWN</strong>: not ")
			.append("proven wrong, not proven right.</p><p>")
			.append("In the charts, time runs left to right, the same in all three, and each shaded band is ")
			.append("a fault, labelled with what was done to which node. Look straight down from a band to ")
			.append("see what it did: failed or unknown requests on the timeline, slow ones in the latency ")
			.append("chart, and the leader changing in the roles chart.</p></section>");
	}

	private static void anomaly(StringBuilder html, String id, String title, int count, String meaning, String table) {
		html.append("<section class=\"anomaly-kind\" id=\"")
			.append(id)
			.append("\"><h3>")
			.append(Markup.escape(title))
			.append(" <span class=\"badge ")
			.append((count == 0) ? "ok" : "fail")
			.append("\">")
			.append(count)
			.append("</span></h3><p class=\"lede\">")
			.append(Markup.escape(meaning))
			.append("</p>")
			.append(table)
			.append("</section>");
	}

	private static void chart(StringBuilder html, String id, String title, String caption, String legend, String svg) {
		html.append("<section class=\"chart-section\" id=\"")
			.append(id)
			.append("\"><h2>")
			.append(Markup.escape(title))
			.append("</h2><p class=\"lede\">")
			.append(Markup.escape(caption))
			.append("</p>")
			.append(legend)
			.append("<figure>")
			.append(svg)
			.append("</figure></section>");
	}

	static String modeText(String mode) {
		if ("on".equalsIgnoreCase(mode)) {
			return "Consensus ON";
		}
		if ("off".equalsIgnoreCase(mode)) {
			return "Consensus OFF";
		}
		return "Mode " + ((mode != null) ? mode : "unknown");
	}

	/** Why the verdict is what it is, in one sentence. */
	static String reason(RunSummary summary) {
		List<String> problems = new ArrayList<>();
		if (summary.duplicates() > 0) {
			problems.add(Markup.count(summary.duplicates(), "duplicate owner", "duplicate owners"));
		}
		if (summary.lostWrites() > 0) {
			problems.add(Markup.count(summary.lostWrites(), "lost write", "lost writes"));
		}
		if (summary.staleReads() > 0) {
			problems.add(Markup.count(summary.staleReads(), "stale read", "stale reads"));
		}
		if (summary.nonLinearizableKeys() > 0) {
			problems.add(Markup.count(summary.nonLinearizableKeys(), "non-linearizable username",
					"non-linearizable usernames"));
		}
		if (summary.slowRecoveries() > 0) {
			problems.add(Markup.count(summary.slowRecoveries(), "node", "nodes") + " slow to recover");
		}
		String undecided = Markup.count(summary.undecidedKeys(), "username", "usernames")
				+ " could not be fully checked";
		return switch (summary.validity()) {
			case INVALID -> problems.isEmpty() ? "The checker found this run invalid." : "Found "
					+ String.join(", ", problems) + ((summary.undecidedKeys() > 0) ? "; " + undecided : "") + ".";
			case UNKNOWN ->
				"No anomaly found, but " + undecided + ": the search for an order of their operations gave up first.";
			case VALID -> "No anomaly in " + Markup.count(summary.operations(), "operation", "operations") + " under "
					+ Markup.count(summary.faults().size(), "fault", "faults") + ", and every node served again within "
					+ AvailabilityTables.RECOVERY_LIMIT + ".";
		};
	}

	private static String faultKinds(List<Fault> faults) {
		Map<String, Integer> kinds = new LinkedHashMap<>();
		for (Fault fault : faults) {
			kinds.merge(String.valueOf(fault.kind()).toLowerCase(Locale.ROOT), 1, Integer::sum);
		}
		List<String> parts = new ArrayList<>();
		kinds.forEach((kind, n) -> parts.add(n + " " + kind));
		return String.join(", ", parts);
	}

	// Primer's palette, as on the site itself, so that the report looks like part of it.
	private static final String CSS = """
			:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--paper:#fff;--canvas:#f6f8fa;\
			--ok:#1a7f37;--ok-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5}
			*{box-sizing:border-box}
			body{margin:0;background:var(--canvas);color:var(--ink);\
			font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif}
			main{max-width:1280px;margin:0 auto;padding:0 24px 48px}
			.banner{padding:20px max(24px,calc((100% - 1232px) / 2)) 16px;border-bottom:4px solid var(--line);background:var(--paper)}
			.banner.valid{border-bottom-color:var(--ok)}
			.banner.invalid{border-bottom-color:var(--fail)}
			.banner.unknown{border-bottom-color:var(--warn)}
			.brand{margin:0;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.08em}
			h1{margin:4px 0;display:flex;flex-wrap:wrap;align-items:center;gap:16px;font-size:28px}
			.verdict{font-size:40px;font-weight:800;letter-spacing:.04em;padding:2px 18px;border-radius:10px}
			.verdict.valid{color:var(--ok);background:var(--ok-bg);border:2px solid var(--ok)}
			.verdict.invalid{color:var(--fail);background:var(--fail-bg);border:2px solid var(--fail)}
			.verdict.unknown{color:var(--warn);background:var(--warn-bg);border:2px solid var(--warn)}
			.reason{margin:4px 0 12px;font-size:16px}
			.facts{display:flex;flex-wrap:wrap;gap:8px 32px;margin:0}
			.facts div{min-width:120px}
			.facts dt{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.05em}
			.facts dd{margin:0;font-size:20px;font-weight:600}
			.facts small{font-size:13px;font-weight:400;color:var(--muted)}
			.tabs{position:sticky;top:0;z-index:1;display:flex;flex-wrap:wrap;gap:4px;\
			padding:0 max(24px,calc((100% - 1232px) / 2));\
			background:var(--paper);border-bottom:1px solid var(--line)}
			.tabs a{padding:10px 14px;color:var(--ink);text-decoration:none;border-bottom:2px solid transparent}
			.tabs a:hover{border-bottom-color:#fd8c73}
			section{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:8px 20px 16px;\
			margin-top:20px}
			section section{border:0;padding:0;margin-top:8px}
			h2{font-size:20px;margin:12px 0 4px}
			h3{font-size:16px;margin:16px 0 2px}
			.lede,.note{color:var(--muted);margin:2px 0 8px}
			.how p{max-width:80ch}
			.none{color:var(--ok);margin:4px 0}
			table{border-collapse:collapse;width:100%;margin:4px 0 8px;font-size:13px}
			th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
			th{background:var(--canvas);font-weight:600}
			tr.anomaly td{background:#fff5f5}
			tr.undecided td{background:var(--warn-bg)}
			tr:target td{background:var(--warn-bg)}
			code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--canvas);\
			padding:1px 4px;border-radius:4px;word-break:break-all}
			.explanation{display:block;max-width:70ch}
			a{color:#0969da}
			.badge,.pill{display:inline-block;border-radius:2em;padding:0 8px;font-size:12px;font-weight:600;\
			line-height:20px}
			.badge.ok,.pill.ok{color:var(--ok);background:var(--ok-bg)}
			.badge.fail,.pill.fail{color:var(--fail);background:var(--fail-bg)}
			.badge.warn,.pill.unknown{color:var(--warn);background:var(--warn-bg)}
			.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 18px;padding:0;margin:4px 0;font-size:12px;\
			color:var(--muted)}
			.legend li{display:flex;align-items:center;gap:6px}
			.swatch{display:inline-block;width:14px;height:10px;border:1px solid;border-radius:2px}
			.swatch.flagged{background:#fff;border:2px solid var(--ink)}
			figure{margin:8px 0 0;overflow-x:auto}
			svg.chart{display:block;min-width:900px;background:var(--paper)}
			svg.chart text{font-size:11px}
			svg.chart .axis-title{fill:var(--muted)}
			footer{max-width:1280px;margin:0 auto;padding:0 24px 32px;color:var(--muted);font-size:12px}
			""";

}
