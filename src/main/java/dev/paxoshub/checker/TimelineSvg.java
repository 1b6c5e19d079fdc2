package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Jepsen's timeline: one lane per client, each operation a bar from the moment it was
 * sent to the moment its answer came (or the client gave up), coloured by how it ended.
 * Hovering a bar shows everything the history knows of the operation.
 * <p>
 * Bars are plain rects, one per operation, so that ten thousand of them stay a few
 * megabytes and draw without a script.
 */
final class TimelineSvg {

	/** Lanes shrink when there are many clients, so the chart stays on a screen. */
	private static final double MAX_LANE = 18;

	private static final double MIN_LANE = 5;

	private static final double LANES_HEIGHT = 540;

	// Narrower than this, a fast operation would vanish between two pixels.
	private static final double MIN_BAR = 1.5;

	private TimelineSvg() {
	}

	static String render(History history, TimeAxis axis, FaultBands faults, Set<Integer> flagged) {
		List<Integer> clients = new ArrayList<>(clients(history));
		double lane = Math.max(MIN_LANE, Math.min(MAX_LANE, LANES_HEIGHT / Math.max(1, clients.size())));
		double top = faults.height() + 4;
		double plotHeight = Math.max(lane, clients.size() * lane);
		double bottom = top + plotHeight;
		StringBuilder svg = new StringBuilder(256 + history.ops().size() * 260);
		TimeAxis.open(svg, "timeline", bottom + TimeAxis.BOTTOM, "Timeline of operations per client",
				"One lane per client; each operation is a bar from when it was sent to when it ended, "
						+ "green when it succeeded, pink when it certainly failed, yellow when its outcome is unknown.");
		svg.append("<g class=\"lanes\">");
		for (int i = 0; i < clients.size(); i++) {
			double y = top + i * lane;
			svg.append("<g class=\"lane\" data-client=\"").append(clients.get(i)).append("\">");
			if (i % 2 == 0) {
				svg.append("<rect class=\"stripe\" x=\"")
					.append(Markup.num(axis.left()))
					.append("\" y=\"")
					.append(Markup.num(y))
					.append("\" width=\"")
					.append(Markup.num(axis.right() - axis.left()))
					.append("\" height=\"")
					.append(Markup.num(lane))
					.append("\" fill=\"")
					.append(Palette.STRIPE)
					.append("\"/>");
			}
			if (lane >= 10 || i % 5 == 0) {
				TimeAxis.laneLabel(svg, y + lane / 2, "client " + clients.get(i));
			}
			svg.append("</g>");
		}
		svg.append("</g>");
		if (clients.isEmpty()) {
			TimeAxis.note(svg, top + plotHeight / 2, "No operation was recorded.");
		}
		axis.drawGrid(svg, top, plotHeight);
		faults.draw(svg, 0, bottom);
		Map<Integer, Integer> laneOf = new HashMap<>();
		for (int i = 0; i < clients.size(); i++) {
			laneOf.put(clients.get(i), i);
		}
		svg.append("<g class=\"ops\">");
		double gap = (lane >= 8) ? 2 : 0.5;
		for (Op op : history.ops()) {
			double y = top + laneOf.get(op.client()) * lane + gap;
			bar(svg, op, axis, y, lane - 2 * gap, flagged.contains(op.id()));
		}
		svg.append("</g>");
		axis.drawTicks(svg, bottom);
		svg.append("</svg>");
		return svg.toString();
	}

	static Set<Integer> clients(History history) {
		Set<Integer> clients = new TreeSet<>();
		for (Op op : history.ops()) {
			clients.add(op.client());
		}
		return clients;
	}

	private static void bar(StringBuilder svg, Op op, TimeAxis axis, double y, double height, boolean flagged) {
		double from = axis.x(op.start());
		double width = Math.max(MIN_BAR, axis.x(op.end()) - from);
		String outcome = Palette.name(op.outcome());
		svg.append("<rect class=\"op ").append(outcome).append(' ').append(Palette.name(op.kind()));
		if (flagged) {
			// Named in an anomaly table: outlined, and reachable from the table's link.
			svg.append(" flagged\" id=\"bar-").append(op.id());
		}
		svg.append("\" data-op=\"")
			.append(op.id())
			.append("\" x=\"")
			.append(Markup.num(from))
			.append("\" y=\"")
			.append(Markup.num(y))
			.append("\" width=\"")
			.append(Markup.num(width))
			.append("\" height=\"")
			.append(Markup.num(height))
			.append("\" fill=\"")
			.append(Palette.fill(op.outcome()))
			.append("\"");
		if (flagged) {
			svg.append(" stroke=\"").append(Palette.INK).append("\" stroke-width=\"1.5\"");
		}
		else if (width >= 3) {
			// Only a bar wide enough to have an inside gets an edge: on thousands of
			// quick
			// operations, edges alone would paint the lane dark.
			svg.append(" stroke=\"").append(Palette.stroke(op.outcome())).append("\" stroke-width=\"0.5\"");
		}
		svg.append("><title>").append(tooltip(op)).append("</title></rect>");
	}

	/** Everything a reader may want to know of one operation, escaped. */
	static String tooltip(Op op) {
		StringBuilder text = new StringBuilder(160);
		text.append("op ")
			.append(op.id())
			.append(": ")
			.append(Palette.name(op.kind()))
			.append(' ')
			.append(Markup.escape(op.key()))
			.append(" via ")
			.append(Markup.escape(op.via()))
			.append(" by client ")
			.append(op.client())
			.append('\n')
			.append(Palette.name(op.outcome()))
			.append((op.status() > 0) ? ", HTTP " + op.status() : ", no HTTP answer")
			.append(", ")
			.append(Markup.duration(op.end() - op.start()))
			.append(" (")
			.append(Markup.at(op.start()))
			.append(" to ")
			.append(Markup.at(op.end()))
			.append(')');
		if (op.value() != null) {
			text.append("\nvalue: ").append(Markup.escape(op.value()));
		}
		if (op.accountId() != null) {
			text.append("\naccount: ").append(Markup.escape(op.accountId()));
		}
		if (op.error() != null) {
			text.append("\nerror: ").append(Markup.escape(op.error()));
		}
		return text.toString();
	}

}
