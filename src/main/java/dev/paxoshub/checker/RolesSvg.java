package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Raft role each node reported, over time: one lane per node, one coloured segment
 * per stretch of the same role. A sample holds until the next one, since nothing is known
 * of what happened in between; the last holds to the end of the chart. Seeing two leaders
 * at once, or none for seconds, is what explains the anomalies and the outages.
 */
final class RolesSvg {

	private static final double LANE = 26;

	private RolesSvg() {
	}

	/** One stretch of one node in one role. */
	record Segment(String node, String role, double start, double end) {
	}

	static String render(History history, TimeAxis axis, FaultBands faults) {
		List<String> nodes = new ArrayList<>(nodes(history));
		double top = faults.height() + 4;
		double plotHeight = Math.max(LANE, nodes.size() * LANE);
		double bottom = top + plotHeight;
		StringBuilder svg = new StringBuilder(1024);
		TimeAxis.open(svg, "roles", bottom + TimeAxis.BOTTOM, "Raft roles of the nodes over time",
				"One lane per node, coloured by the role the node reported: leader, follower, candidate, "
						+ "down when it did not answer, grey when it runs without Raft or reported another role.");
		axis.drawGrid(svg, top, plotHeight);
		List<Segment> segments = segments(history, axis.endMs());
		svg.append("<g class=\"role-lanes\">");
		for (int i = 0; i < nodes.size(); i++) {
			String node = nodes.get(i);
			double y = top + i * LANE;
			svg.append("<g class=\"role-lane\" data-node=\"").append(Markup.escape(node)).append("\">");
			TimeAxis.laneLabel(svg, y + LANE / 2, Markup.capitalised(node));
			for (Segment segment : segments) {
				if (segment.node().equals(node)) {
					segment(svg, segment, axis, y + 4, LANE - 8);
				}
			}
			svg.append("</g>");
		}
		svg.append("</g>");
		if (nodes.isEmpty()) {
			TimeAxis.note(svg, top + plotHeight / 2, "No node reported a role during the run.");
		}
		// Over the segments here, not under: a fault band is what the eye must find
		// first.
		faults.drawOver(svg, 0, bottom);
		axis.drawTicks(svg, bottom);
		svg.append("</svg>");
		return svg.toString();
	}

	static Set<String> nodes(History history) {
		Set<String> nodes = new TreeSet<>();
		for (RoleSample sample : history.roles()) {
			nodes.addAll(sample.roles().keySet());
		}
		return nodes;
	}

	/**
	 * Consecutive samples of the same role are merged, so that a quiet run is 3 rects.
	 */
	static List<Segment> segments(History history, double endMs) {
		List<RoleSample> samples = new ArrayList<>(history.roles());
		samples.sort(Comparator.comparingDouble(RoleSample::time));
		List<Segment> segments = new ArrayList<>();
		for (String node : nodes(history)) {
			String role = null;
			double since = 0;
			for (RoleSample sample : samples) {
				String now = sample.roles().getOrDefault(node, "unknown");
				if (now == null) {
					now = "unknown";
				}
				if (role == null) {
					role = now;
					since = sample.time();
				}
				else if (!role.equals(now)) {
					segments.add(new Segment(node, role, since, sample.time()));
					role = now;
					since = sample.time();
				}
			}
			if (role != null) {
				segments.add(new Segment(node, role, since, Math.max(since, endMs)));
			}
		}
		return segments;
	}

	private static void segment(StringBuilder svg, Segment segment, TimeAxis axis, double y, double height) {
		String group = Palette.roleGroup(segment.role());
		double from = axis.x(segment.start());
		svg.append("<rect class=\"role role-")
			.append(group)
			.append("\" data-node=\"")
			.append(Markup.escape(segment.node()))
			.append("\" x=\"")
			.append(Markup.num(from))
			.append("\" y=\"")
			.append(Markup.num(y))
			.append("\" width=\"")
			.append(Markup.num(Math.max(1, axis.x(segment.end()) - from)))
			.append("\" height=\"")
			.append(Markup.num(height))
			.append("\" fill=\"")
			.append(Palette.roleColour(group))
			.append("\"><title>")
			.append(Markup.escape(Markup.capitalised(segment.node())))
			.append(": ")
			.append(Markup.escape(segment.role()))
			.append(" from ")
			.append(Markup.at(segment.start()))
			.append(" to ")
			.append(Markup.at(segment.end()))
			.append("</title></rect>");
	}

}
