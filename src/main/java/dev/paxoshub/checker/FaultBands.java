package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The nemesis's faults as translucent bands, drawn identically across the three charts so
 * that a reader sees at once what each fault did to the operations, to their latency and
 * to the Raft roles. Each band is labelled ("kill neo") in a strip above the plot; faults
 * that overlap take separate rows of that strip, so that no label hides another.
 */
final class FaultBands {

	static final double ROW = 14;

	// An estimate of the width of an 11 px sans-serif character: enough to keep labels
	// apart without measuring text, which a file written on a server cannot do.
	private static final double CHAR_WIDTH = 6.4;

	private final TimeAxis axis;

	private final List<Fault> faults;

	private final int[] rows;

	private final int rowCount;

	FaultBands(List<Fault> faults, TimeAxis axis) {
		this.axis = axis;
		this.faults = new ArrayList<>(faults);
		this.faults.sort(Comparator.comparingDouble(Fault::start));
		this.rows = new int[this.faults.size()];
		List<Double> rowEnds = new ArrayList<>();
		for (int i = 0; i < this.faults.size(); i++) {
			Fault fault = this.faults.get(i);
			double from = axis.x(fault.start());
			double to = Math.max(axis.x(fault.end()), from + 4 + label(fault).length() * CHAR_WIDTH);
			int row = 0;
			while (row < rowEnds.size() && rowEnds.get(row) > from) {
				row++;
			}
			if (row == rowEnds.size()) {
				rowEnds.add(to);
			}
			else {
				rowEnds.set(row, to);
			}
			this.rows[i] = row;
		}
		this.rowCount = rowEnds.size();
	}

	static String label(Fault fault) {
		return fault.kind() + " " + fault.node();
	}

	/** The strip above a plot that the labels need; none when there was no fault. */
	double height() {
		return (this.rowCount == 0) ? 0 : this.rowCount * ROW + 4;
	}

	List<Fault> faults() {
		return this.faults;
	}

	/**
	 * Bands from the top of the label strip at {@code top} to {@code bottom}, drawn
	 * before the data so that every bar and point stays visible through them.
	 */
	void draw(StringBuilder svg, double top, double bottom) {
		draw(svg, top, bottom, false);
	}

	/**
	 * Bands drawn over data that would hide them (opaque role segments): the mouse goes
	 * through the band, so the segment under it keeps its tooltip.
	 */
	void drawOver(StringBuilder svg, double top, double bottom) {
		draw(svg, top, bottom, true);
	}

	private void draw(StringBuilder svg, double top, double bottom, boolean over) {
		if (this.faults.isEmpty()) {
			return;
		}
		svg.append("<g class=\"faults\">");
		for (int i = 0; i < this.faults.size(); i++) {
			Fault fault = this.faults.get(i);
			String group = Palette.faultGroup(fault.kind());
			String colour = Palette.faultColour(group);
			double from = this.axis.x(fault.start());
			double width = Math.max(2, this.axis.x(fault.end()) - from);
			double bandTop = top + this.rows[i] * ROW;
			svg.append("<g class=\"fault fault-").append(group).append("\">");
			svg.append("<title>")
				.append(Markup.escape(label(fault)))
				.append(", ")
				.append(Markup.at(fault.start()))
				.append(" to ")
				.append(Markup.at(fault.end()))
				.append(" (")
				.append(Markup.duration(fault.end() - fault.start()))
				.append(")");
			if (fault.how() != null && !fault.how().isBlank()) {
				svg.append(": ").append(Markup.escape(fault.how()));
			}
			svg.append("</title>");
			svg.append("<rect class=\"fault-band\" x=\"")
				.append(Markup.num(from))
				.append("\" y=\"")
				.append(Markup.num(bandTop))
				.append("\" width=\"")
				.append(Markup.num(width))
				.append("\" height=\"")
				.append(Markup.num(Math.max(0, bottom - bandTop)))
				.append("\" fill=\"")
				.append(colour)
				.append("\" fill-opacity=\"0.13\" stroke=\"")
				.append(colour)
				.append("\" stroke-opacity=\"0.45\" stroke-width=\"1\"")
				.append(over ? " pointer-events=\"none\"/>" : "/>");
			svg.append("<text class=\"fault-label\" x=\"")
				.append(Markup.num(from + 3))
				.append("\" y=\"")
				.append(Markup.num(bandTop + ROW - 3))
				.append("\" font-size=\"11\" font-weight=\"600\" fill=\"")
				.append(colour)
				.append("\">")
				.append(Markup.escape(label(fault)))
				.append("</text>");
			svg.append("</g>");
		}
		svg.append("</g>");
	}

}
