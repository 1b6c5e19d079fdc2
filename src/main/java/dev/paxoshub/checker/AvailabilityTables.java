package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cost of the faults rather than their damage: how long writes were unavailable
 * around each one, how soon each node served again once they stopped, and what each node
 * held at the end. A system may stay correct by refusing to answer; these tables show how
 * much it refused.
 */
final class AvailabilityTables {

	/**
	 * The limit as the report states it. The verdict carries each node's yes or no, not
	 * the limit itself, so this is the documented one the checker applies.
	 */
	static final String RECOVERY_LIMIT = "30 s";

	private AvailabilityTables() {
	}

	static String outages(Verdict verdict) {
		HtmlTable table = new HtmlTable("outages", "Fault", "Node", "From", "To", "Writes unavailable", "Explanation");
		for (Verdict.Outage outage : RunSummary.orEmpty(verdict.outages())) {
			table.rowWithClass("class=\"outage fault-" + Palette.faultGroup(outage.fault()) + "\"",
					Markup.escape(outage.fault()), Markup.escape(Markup.capitalised(outage.node())),
					Markup.escape(Markup.at(outage.start())), Markup.escape(Markup.at(outage.end())),
					Markup.escape(Markup.duration(outage.unavailableMs())),
					"<span class=\"explanation\">" + Markup.escape(outage.explanation()) + "</span>");
		}
		return table.html("No outage was measured: the run had no fault, or the checker did not report one.");
	}

	static String recoveries(Verdict verdict) {
		HtmlTable table = new HtmlTable("recoveries", "Node", "Served again after the faults stopped",
				"Within " + RECOVERY_LIMIT);
		for (Verdict.Recovery recovery : RunSummary.orEmpty(verdict.recoveries())) {
			String after = (recovery.servedAfterMs() != null) ? Markup.duration(recovery.servedAfterMs())
					: "never, while the runner waited";
			String within = recovery.withinLimit() ? "<span class=\"pill ok\">yes</span>"
					: "<span class=\"pill fail\">no</span>";
			table.rowWithClass("class=\"recovery " + (recovery.withinLimit() ? "in-time" : "late") + "\"",
					Markup.escape(Markup.capitalised(recovery.node())), Markup.escape(after), within);
		}
		return table.html("No recovery was measured.");
	}

	static String finalState(FinalState finalState) {
		if (finalState == null || finalState.nodes() == null) {
			return "<p class=\"none\">Not recorded: the run ended before the nodes were read after healing.</p>";
		}
		HtmlTable table = new HtmlTable("final-state", "Node", "First answered after healing", "Account records",
				"Of them released", "Names it serves");
		List<Map.Entry<String, FinalState.NodeFinal>> nodes = new ArrayList<>(finalState.nodes().entrySet());
		nodes.sort(Map.Entry.comparingByKey());
		for (Map.Entry<String, FinalState.NodeFinal> entry : nodes) {
			FinalState.NodeFinal node = entry.getValue();
			List<FinalState.Stored> records = (node.records() != null) ? node.records() : List.of();
			long released = records.stream().filter(FinalState.Stored::released).count();
			String after = (node.servingAfterMs() != null) ? Markup.duration(node.servingAfterMs()) : "never";
			table.row(Markup.escape(Markup.capitalised(entry.getKey())), Markup.escape(after),
					Integer.toString(records.size()), Long.toString(released),
					Integer.toString((node.served() != null) ? node.served().size() : 0));
		}
		return table.html("No node was read after healing.") + "<p class=\"note\">Healed at "
				+ Markup.escape(Markup.at(finalState.healedAt())) + ", when the last fault was lifted.</p>";
	}

}
