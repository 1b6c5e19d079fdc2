package dev.paxoshub.checker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * What the checker found wrong, one table per kind of anomaly, each with the checker's
 * own sentence for every case. The operations a table names link to a last table that
 * shows them in full, and are outlined in the charts, so that a reader can go from "what"
 * to "when" and "on which client".
 */
final class AnomalyTables {

	private final Verdict verdict;

	private final Map<Integer, Op> ops = new HashMap<>();

	private final Set<Integer> named = new TreeSet<>();

	AnomalyTables(History history, Verdict verdict) {
		this.verdict = verdict;
		for (Op op : history.ops()) {
			this.ops.put(op.id(), op);
		}
		for (Verdict.Duplicate duplicate : RunSummary.orEmpty(verdict.duplicates())) {
			this.named.addAll(RunSummary.orEmpty(duplicate.ops()));
		}
		for (Verdict.LostWrite lost : RunSummary.orEmpty(verdict.lostWrites())) {
			this.named.add(lost.op());
		}
		for (Verdict.StaleRead stale : RunSummary.orEmpty(verdict.staleReads())) {
			this.named.add(stale.op());
			this.named.add(stale.missed());
		}
		for (Verdict.KeyResult key : verdict.keys(Verdict.KeyStatus.NOT_LINEARIZABLE)) {
			this.named.addAll(RunSummary.orEmpty(key.ops()));
		}
		// An id the history does not hold cannot be shown or outlined; it stays plain
		// text.
		this.named.retainAll(this.ops.keySet());
	}

	/** The operations some anomaly names: the charts outline them. */
	Set<Integer> named() {
		return this.named;
	}

	String duplicates() {
		HtmlTable table = new HtmlTable("anomalies duplicates", "Username", "Accounts", "Operations", "Explanation");
		for (Verdict.Duplicate duplicate : RunSummary.orEmpty(this.verdict.duplicates())) {
			table.rowWithClass("class=\"anomaly duplicate\"", code(duplicate.key()),
					escapedList(RunSummary.orEmpty(duplicate.accountIds())), links(duplicate.ops()),
					explanation(duplicate.explanation()));
		}
		return table.html("None: no username was ever given to two accounts.");
	}

	String lostWrites() {
		HtmlTable table = new HtmlTable("anomalies lost-writes", "Username", "Operation", "Node", "Explanation");
		for (Verdict.LostWrite lost : RunSummary.orEmpty(this.verdict.lostWrites())) {
			table.rowWithClass("class=\"anomaly lost-write\"", code(lost.key()), link(lost.op()),
					Markup.escape(Markup.capitalised(lost.node())), explanation(lost.explanation()));
		}
		return table.html("None: every acknowledged sign-up and edit was still there after healing.");
	}

	String staleReads() {
		HtmlTable table = new HtmlTable("anomalies stale-reads", "Username", "Read", "Write it missed", "Explanation");
		for (Verdict.StaleRead stale : RunSummary.orEmpty(this.verdict.staleReads())) {
			table.rowWithClass("class=\"anomaly stale-read\"", code(stale.key()), link(stale.op()),
					link(stale.missed()), explanation(stale.explanation()));
		}
		return table.html("None: no read returned something older than a write acknowledged before it.");
	}

	String nonLinearizable() {
		HtmlTable table = new HtmlTable("anomalies non-linearizable", "Username", "Operations on it",
				"Operations no order explains", "Explanation");
		for (Verdict.KeyResult key : this.verdict.keys(Verdict.KeyStatus.NOT_LINEARIZABLE)) {
			table.rowWithClass("class=\"anomaly non-linearizable\"", code(key.key()),
					Integer.toString(key.operations()), links(key.ops()), explanation(key.explanation()));
		}
		int decided = this.verdict.keys(Verdict.KeyStatus.LINEARIZABLE).size();
		int undecided = this.verdict.keys(Verdict.KeyStatus.UNDECIDED).size();
		return table.html("None: the history of each of the " + Markup.count(decided, "username", "usernames")
				+ ((undecided > 0) ? " the search could decide" : " checked")
				+ " can be explained by one order of its operations.");
	}

	/** Not anomalies: names the search gave up on, so the run cannot be called valid. */
	String undecided() {
		HtmlTable table = new HtmlTable("undecided", "Username", "Operations on it", "Explanation");
		for (Verdict.KeyResult key : this.verdict.keys(Verdict.KeyStatus.UNDECIDED)) {
			table.rowWithClass("class=\"undecided\"", code(key.key()), Integer.toString(key.operations()),
					explanation(key.explanation()));
		}
		return table.html("None: the search decided every username.");
	}

	/**
	 * Every operation an anomaly names, in full, each with the anchor the links go to.
	 */
	String namedOperations() {
		HtmlTable table = new HtmlTable("operations", "Op", "Client", "Kind", "Username", "Via", "Outcome", "Sent",
				"Ended", "Latency", "HTTP", "Value", "Account", "Error");
		for (int id : this.named) {
			Op op = this.ops.get(id);
			String outcome = Palette.name(op.outcome());
			table.rowWithClass("id=\"op-" + id + "\" class=\"op-row " + outcome + "\"",
					"<a href=\"#bar-" + id + "\" title=\"Show on the timeline\">" + id + "</a>",
					Integer.toString(op.client()), Palette.name(op.kind()), code(op.key()), Markup.escape(op.via()),
					"<span class=\"pill " + outcome + "\">" + outcome + "</span>", Markup.escape(Markup.at(op.start())),
					Markup.escape(Markup.at(op.end())), Markup.escape(Markup.duration(op.end() - op.start())),
					(op.status() > 0) ? Integer.toString(op.status()) : "none", Markup.escape(op.value()),
					code(op.accountId()), Markup.escape(op.error()));
		}
		return table.html("No operation is named by an anomaly.");
	}

	private String link(int id) {
		if (!this.ops.containsKey(id)) {
			return Integer.toString(id);
		}
		return "<a class=\"op-link\" href=\"#op-" + id + "\">" + id + "</a>";
	}

	private String links(List<Integer> ids) {
		StringJoiner joined = new StringJoiner(", ");
		for (int id : RunSummary.orEmpty(ids)) {
			joined.add(link(id));
		}
		return joined.toString();
	}

	private static String escapedList(List<String> values) {
		StringJoiner joined = new StringJoiner(", ");
		for (String value : values) {
			joined.add(code(value));
		}
		return joined.toString();
	}

	static String code(String value) {
		return (value == null) ? "" : "<code>" + Markup.escape(value) + "</code>";
	}

	private static String explanation(String text) {
		return "<span class=\"explanation\">" + Markup.escape(text) + "</span>";
	}

}
