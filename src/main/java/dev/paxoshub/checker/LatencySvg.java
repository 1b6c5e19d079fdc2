package dev.paxoshub.checker;

import java.util.Set;

/**
 * How long each operation took, against when it was sent: one mark per operation,
 * coloured by its outcome and shaped by its kind. The y axis is logarithmic because a run
 * holds both millisecond reads and operations that waited seconds for a timeout, and on a
 * linear axis the first would all sit on the floor.
 */
final class LatencySvg {

	private static final double PLOT_HEIGHT = 300;

	private static final double MARK = 3.2;

	/** Below this a latency is drawn on the floor: timers are not finer. */
	private static final double FLOOR_MS = 0.1;

	private LatencySvg() {
	}

	static String render(History history, TimeAxis axis, FaultBands faults, Set<Integer> flagged) {
		double top = faults.height() + 8;
		double bottom = top + PLOT_HEIGHT;
		LogScale scale = LogScale.of(history, top, bottom);
		StringBuilder svg = new StringBuilder(256 + history.ops().size() * 200);
		TimeAxis.open(svg, "latency", bottom + TimeAxis.BOTTOM, "Latency of each operation over time",
				"Each mark is one operation: how long it took (logarithmic, in milliseconds) against when it was "
						+ "sent. Circles are claims, squares edits, triangles reads.");
		axis.drawGrid(svg, top, PLOT_HEIGHT);
		scale.draw(svg, axis);
		faults.draw(svg, 0, bottom);
		svg.append("<g class=\"points\">");
		for (Op op : history.ops()) {
			mark(svg, op, axis.x(op.start()), scale.y(op.end() - op.start()), flagged.contains(op.id()));
		}
		svg.append("</g>");
		if (history.ops().isEmpty()) {
			TimeAxis.note(svg, (top + bottom) / 2, "No operation was recorded.");
		}
		axis.drawTicks(svg, bottom);
		svg.append("</svg>");
		return svg.toString();
	}

	private static void mark(StringBuilder svg, Op op, double x, double y, boolean flagged) {
		String cls = "point " + Palette.name(op.outcome()) + ' ' + Palette.name(op.kind())
				+ (flagged ? " flagged" : "");
		String paint = "\" fill=\"" + Palette.fill(op.outcome()) + "\" stroke=\""
				+ (flagged ? Palette.INK : Palette.stroke(op.outcome())) + "\" stroke-width=\""
				+ (flagged ? "1.5" : "0.6") + "\" data-op=\"" + op.id() + "\">";
		String close;
		switch (op.kind()) {
			case CLAIM -> {
				svg.append("<circle class=\"")
					.append(cls)
					.append("\" cx=\"")
					.append(Markup.num(x))
					.append("\" cy=\"")
					.append(Markup.num(y))
					.append("\" r=\"")
					.append(Markup.num(MARK));
				close = "</circle>";
			}
			case EDIT -> {
				svg.append("<rect class=\"")
					.append(cls)
					.append("\" x=\"")
					.append(Markup.num(x - MARK))
					.append("\" y=\"")
					.append(Markup.num(y - MARK))
					.append("\" width=\"")
					.append(Markup.num(2 * MARK))
					.append("\" height=\"")
					.append(Markup.num(2 * MARK));
				close = "</rect>";
			}
			default -> {
				svg.append("<polygon class=\"")
					.append(cls)
					.append("\" points=\"")
					.append(Markup.num(x))
					.append(',')
					.append(Markup.num(y - MARK - 0.8))
					.append(' ')
					.append(Markup.num(x + MARK + 0.6))
					.append(',')
					.append(Markup.num(y + MARK))
					.append(' ')
					.append(Markup.num(x - MARK - 0.6))
					.append(',')
					.append(Markup.num(y + MARK));
				close = "</polygon>";
			}
		}
		svg.append(paint)
			.append("<title>op ")
			.append(op.id())
			.append(": ")
			.append(Palette.name(op.kind()))
			.append(' ')
			.append(Markup.escape(op.key()))
			.append(", ")
			.append(Palette.name(op.outcome()))
			.append(", ")
			.append(Markup.duration(op.end() - op.start()))
			.append(" at ")
			.append(Markup.at(op.start()))
			.append("</title>")
			.append(close);
	}

	/** Powers of ten from just below the fastest operation to just above the slowest. */
	private static final class LogScale {

		private final double lowExp;

		private final double highExp;

		private final double top;

		private final double bottom;

		private LogScale(double lowExp, double highExp, double top, double bottom) {
			this.lowExp = lowExp;
			this.highExp = highExp;
			this.top = top;
			this.bottom = bottom;
		}

		static LogScale of(History history, double top, double bottom) {
			double min = Double.POSITIVE_INFINITY;
			double max = 0;
			for (Op op : history.ops()) {
				double latency = op.end() - op.start();
				if (Double.isFinite(latency)) {
					min = Math.min(min, Math.max(FLOOR_MS, latency));
					max = Math.max(max, latency);
				}
			}
			if (max <= 0) {
				return new LogScale(0, 3, top, bottom);
			}
			double low = Math.floor(Math.log10(min));
			double high = Math.max(low + 1, Math.ceil(Math.log10(max)));
			return new LogScale(low, high, top, bottom);
		}

		double y(double ms) {
			double exp = Math.log10(Math.max(FLOOR_MS, Double.isFinite(ms) ? ms : FLOOR_MS));
			double clamped = Math.max(this.lowExp, Math.min(this.highExp, exp));
			return this.bottom - (clamped - this.lowExp) / (this.highExp - this.lowExp) * (this.bottom - this.top);
		}

		void draw(StringBuilder svg, TimeAxis axis) {
			svg.append("<g class=\"y-axis\" font-size=\"11\" fill=\"")
				.append(Palette.MUTED)
				.append("\" text-anchor=\"end\">");
			for (int exp = (int) this.lowExp; exp <= (int) this.highExp; exp++) {
				double y = y(Math.pow(10, exp));
				svg.append("<line x1=\"")
					.append(Markup.num(axis.left()))
					.append("\" x2=\"")
					.append(Markup.num(axis.right()))
					.append("\" y1=\"")
					.append(Markup.num(y))
					.append("\" y2=\"")
					.append(Markup.num(y))
					.append("\" stroke=\"")
					.append(Palette.GRID)
					.append("\"/>");
				svg.append("<text class=\"y-tick\" x=\"")
					.append(Markup.num(axis.left() - 8))
					.append("\" y=\"")
					.append(Markup.num(y + 4))
					.append("\">")
					.append(label(exp))
					.append("</text>");
			}
			svg.append("<text class=\"axis-title\" x=\"14\" y=\"")
				.append(Markup.num((this.top + this.bottom) / 2))
				.append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
				.append(Markup.num((this.top + this.bottom) / 2))
				.append(")\">latency</text>");
			svg.append("</g>");
		}

		private static String label(int exp) {
			if (exp < 0) {
				return "0." + "0".repeat(-exp - 1) + "1 ms";
			}
			if (exp < 3) {
				return (long) Math.pow(10, exp) + " ms";
			}
			return (long) Math.pow(10, exp - 3) + " s";
		}

	}

}
