package dev.paxoshub.checker;

import java.util.Locale;

/**
 * The time scale the three charts share. They are drawn with the same width, the same
 * margins and this one scale, so that a moment sits at the same x in each of them and a
 * reader can look straight down from a fault to its effect on latency and on the roles.
 */
final class TimeAxis {

	/** Every chart's viewBox width; the page scales them alike. */
	static final double WIDTH = 1200;

	/** Room for the lane labels ("client 12", "Trinity"). */
	static final double LEFT = 110;

	static final double RIGHT = 24;

	/** Room under a plot for the tick labels and the axis title. */
	static final double BOTTOM = 36;

	// Round steps only: a tick at 7.3 s makes a reader do arithmetic.
	private static final double[] STEPS_S = { 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600 };

	private static final int MAX_TICKS = 14;

	static final String FONT = "-apple-system, BlinkMacSystemFont, Segoe UI, Noto Sans, Helvetica, Arial, sans-serif";

	private final double endMs;

	private TimeAxis(double endMs) {
		this.endMs = endMs;
	}

	/**
	 * Long enough for everything the run recorded: faults are lifted and roles sampled
	 * after the clients stop, and an unknown operation may end after the last one.
	 */
	static TimeAxis of(History history) {
		double end = finite(history.durationMs());
		for (Op op : history.ops()) {
			end = Math.max(end, Math.max(finite(op.start()), finite(op.end())));
		}
		for (Fault fault : history.faults()) {
			end = Math.max(end, Math.max(finite(fault.start()), finite(fault.end())));
		}
		for (RoleSample sample : history.roles()) {
			end = Math.max(end, finite(sample.time()));
		}
		return new TimeAxis(Math.max(end, 1000));
	}

	private static double finite(double value) {
		return Double.isFinite(value) ? value : 0;
	}

	double endMs() {
		return this.endMs;
	}

	double left() {
		return LEFT;
	}

	double right() {
		return WIDTH - RIGHT;
	}

	/**
	 * Where a moment of the run sits; what lies outside the run is pinned to its edge.
	 */
	double x(double ms) {
		double clamped = Math.max(0, Math.min(this.endMs, finite(ms)));
		return LEFT + clamped / this.endMs * (right() - LEFT);
	}

	double stepMs() {
		for (double step : STEPS_S) {
			if (this.endMs / (step * 1000) <= MAX_TICKS) {
				return step * 1000;
			}
		}
		return Math.ceil(this.endMs / 1000 / MAX_TICKS / 3600) * 3600 * 1000;
	}

	/**
	 * The vertical grid lines across a plot, and the seconds under it. Drawn before the
	 * data, so the data sits on top.
	 */
	void drawGrid(StringBuilder svg, double top, double height) {
		double step = stepMs();
		svg.append("<g class=\"grid\">");
		for (int i = 0; i * step <= this.endMs + 1e-6; i++) {
			String x = Markup.num(x(i * step));
			svg.append("<line x1=\"")
				.append(x)
				.append("\" x2=\"")
				.append(x)
				.append("\" y1=\"")
				.append(Markup.num(top))
				.append("\" y2=\"")
				.append(Markup.num(top + height))
				.append("\" stroke=\"")
				.append(Palette.GRID)
				.append("\" stroke-width=\"1\"/>");
		}
		svg.append("</g>");
	}

	/** The seconds under a plot whose bottom edge is at {@code bottom}. */
	void drawTicks(StringBuilder svg, double bottom) {
		double step = stepMs();
		svg.append("<g class=\"ticks\" font-size=\"11\" fill=\"")
			.append(Palette.MUTED)
			.append("\" text-anchor=\"middle\">");
		svg.append("<line x1=\"")
			.append(Markup.num(LEFT))
			.append("\" x2=\"")
			.append(Markup.num(right()))
			.append("\" y1=\"")
			.append(Markup.num(bottom))
			.append("\" y2=\"")
			.append(Markup.num(bottom))
			.append("\" stroke=\"")
			.append(Palette.MUTED)
			.append("\"/>");
		for (int i = 0; i * step <= this.endMs + 1e-6; i++) {
			svg.append("<text class=\"tick\" x=\"")
				.append(Markup.num(x(i * step)))
				.append("\" y=\"")
				.append(Markup.num(bottom + 14))
				.append("\">")
				.append(seconds(i * step, step))
				.append("</text>");
		}
		svg.append("<text class=\"axis-title\" x=\"")
			.append(Markup.num((LEFT + right()) / 2))
			.append("\" y=\"")
			.append(Markup.num(bottom + 30))
			.append("\">seconds since the run began</text>");
		svg.append("</g>");
	}

	/**
	 * Opens a chart at the shared width. The title and description are what a screen
	 * reader announces, and what a browser shows when the chart itself cannot be drawn.
	 */
	static void open(StringBuilder svg, String cssClass, double height, String title, String description) {
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ")
			.append(cssClass)
			.append("\" viewBox=\"0 0 ")
			.append(Markup.num(WIDTH))
			.append(' ')
			.append(Markup.num(height))
			.append("\" width=\"100%\" role=\"img\" font-family=\"")
			.append(FONT)
			.append("\"><title>")
			.append(Markup.escape(title))
			.append("</title><desc>")
			.append(Markup.escape(description))
			.append("</desc>");
	}

	/** A lane's name, right-aligned against the plot. */
	static void laneLabel(StringBuilder svg, double middle, String text) {
		svg.append("<text class=\"lane-label\" x=\"")
			.append(Markup.num(LEFT - 8))
			.append("\" y=\"")
			.append(Markup.num(middle + 4))
			.append("\" font-size=\"11\" text-anchor=\"end\" fill=\"")
			.append(Palette.INK)
			.append("\">")
			.append(Markup.escape(text))
			.append("</text>");
	}

	/**
	 * Said in the middle of a plot that has nothing to show, so it is not taken for a
	 * bug.
	 */
	static void note(StringBuilder svg, double middle, String text) {
		svg.append("<text class=\"empty\" x=\"")
			.append(Markup.num((LEFT + WIDTH - RIGHT) / 2))
			.append("\" y=\"")
			.append(Markup.num(middle + 4))
			.append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"")
			.append(Palette.MUTED)
			.append("\">")
			.append(Markup.escape(text))
			.append("</text>");
	}

	private static String seconds(double ms, double stepMs) {
		return (stepMs < 1000) ? String.format(Locale.ROOT, "%.1f s", ms / 1000)
				: String.format(Locale.ROOT, "%.0f s", ms / 1000);
	}

}
