package dev.paxoshub.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.paxoshub.node.LinkMessage;

/**
 * Recent Raft elections as a spacetime diagram, in the manner of RaftScope but drawn from
 * the messages the nodes really sent: one lane per node, time from left to right, an
 * arrow for every vote or poll and one back for its answer.
 * <p>
 * The SVG is inlined in a page whose Content-Security-Policy refuses inline style and
 * script, so it holds neither: presentation attributes only, and classes (each starting
 * with {@code spacetime-}) that the page's CSS may restyle. Nothing from the input
 * reaches the document but escaped text and colours that are plain hex.
 */
public final class SpacetimeDiagram {

	static final String VOTE = "vote";

	static final String POLL = "poll";

	static final String APPEND = "append";

	static final String GRANTED = "granted";

	static final String DENIED = "denied";

	static final String DROPPED = "dropped";

	/** The legend's name for a span the clock drew wider than its time. */
	private static final String ZOOMED = "zoomed";

	/** Any outcome but the three above: nothing came back that the diagram can show. */
	static final String UNANSWERED = "unanswered";

	/**
	 * Painted instead of a colour that is not {@code #rgb} or {@code #rrggbb}; the grey
	 * the site gives a node without one.
	 */
	static final String NEUTRAL = "#57606a";

	// Nothing wider than a hex colour: any other value could close the attribute.
	private static final Pattern HEX_COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

	// A class is a list of tokens: a name with a space in it would add classes of its
	// own.
	private static final Pattern CLASS_SAFE = Pattern.compile("[a-z0-9_-]+");

	/**
	 * Up to this many appends in the window each get a thin arrow; beyond, a leader's
	 * heartbeats (20 a second to each follower) would hide the votes, so they become
	 * ticks.
	 */
	static final int MAX_APPEND_ARROWS = 40;

	private static final int MAX_DESCRIBED_ROUNDS = 8;

	private static final String FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans', Helvetica, Arial, sans-serif";

	private static final String INK = "#1f2328";

	private static final String MUTED = "#59636e";

	private static final String FAINT = "#8c959f";

	private static final String GRID = "#d8dee4";

	private static final String PAPER = "#ffffff";

	private static final String BAND = "#f6f8fa";

	private static final double BAND_MARGIN = 6;

	private static final double LEFT = 96;

	private static final double RIGHT = 28;

	private static final double LEGEND_ROW = 18;

	/**
	 * The room a request's way there and its answer's way back ask of the clock, so that
	 * the two stay apart; a request with no answer gets it as a slant of its own.
	 */
	private static final double MIN_FLIGHT = 9;

	/**
	 * The room a request asks after whatever came before it: its term label goes there,
	 * left of the arrow, and would otherwise sit on the answers that came just before.
	 */
	private static final double LABEL_ROOM = 18;

	/**
	 * Where hundreds of messages leave the clock too little room, a leg still slants this
	 * much, so that it never stands upright on its answer.
	 */
	private static final double MIN_SLANT = 3;

	/** Requests a node sends this close together went out at once, to all its peers. */
	private static final Duration BURST = Duration.ofMillis(2);

	/** Beyond a day an election is a line a pixel wide whatever the clock does. */
	private static final Duration MAX_WINDOW = Duration.ofDays(1);

	private static final double[] TICK_STEPS = { 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15,
			30, 60, 120, 300, 600, 900, 1800, 3600 };

	/**
	 * How the diagram is laid out.
	 *
	 * @param width the width in pixels (the height follows from the lanes)
	 * @param laneGap the distance between two lanes, in pixels
	 * @param maxMessages how many votes and polls are drawn at most, the latest ones
	 */
	public record Options(int width, int laneGap, int maxMessages) {

		public static final Options DEFAULT = new Options(880, 64, 200);

		public Options {
			if (width < 320) {
				throw new IllegalArgumentException("A diagram narrower than 320 px has no room for its labels");
			}
			if (laneGap < 24) {
				throw new IllegalArgumentException("Lanes closer than 24 px leave no room for an arrow between them");
			}
			if (maxMessages < 1) {
				throw new IllegalArgumentException("A diagram that may draw no message shows nothing");
			}
		}

	}

	private final Map<String, Lane> lanes = new LinkedHashMap<>();

	private final Instant from;

	private final Instant to;

	private final Options options;

	private final double right;

	private final List<LegendItem> legend = new ArrayList<>();

	private final double laneTop;

	/** Every vote and poll of the window, oldest first. */
	private final List<LinkMessage> elections = new ArrayList<>();

	/** The ones drawn: the latest, up to {@link Options#maxMessages()}. */
	private final List<LinkMessage> drawn;

	private final List<LinkMessage> appends = new ArrayList<>();

	private final TimeWarp clock;

	private SpacetimeDiagram(List<String> lanes, Map<String, String> laneColors, List<LinkMessage> messages,
			Instant from, Instant to, Options options) {
		this.from = from;
		this.to = to;
		this.options = options;
		this.right = options.width() - RIGHT;
		Map<String, String> colors = new HashMap<>();
		laneColors.forEach((name, color) -> {
			if (name != null) {
				colors.putIfAbsent(key(name), color);
			}
		});
		int rows = layOutLegend();
		this.laneTop = 8 + rows * LEGEND_ROW + 26;
		for (String name : lanes) {
			if (name != null && !this.lanes.containsKey(key(name))) {
				String lane = key(name);
				this.lanes.put(lane, new Lane(lane, capitalised(name), color(colors.get(lane)),
						this.laneTop + this.lanes.size() * options.laneGap()));
			}
		}
		for (LinkMessage message : messages) {
			if (drawable(message)) {
				switch (kind(message)) {
					case VOTE, POLL -> this.elections.add(message);
					case APPEND -> this.appends.add(message);
					default -> {
						// Counted elsewhere: client operations alone would bury the
						// election.
					}
				}
			}
		}
		this.elections.sort(Comparator.comparing(LinkMessage::sent));
		this.drawn = this.elections.subList(Math.max(0, this.elections.size() - options.maxMessages()),
				this.elections.size());
		this.clock = new TimeWarp(from, to, LEFT, this.right, room(this.drawn));
	}

	/**
	 * The diagram with the {@link Options#DEFAULT default} layout.
	 * @see #svg(List, Map, List, Instant, Instant, Options)
	 */
	public static String svg(List<String> lanes, Map<String, String> laneColors, List<LinkMessage> messages,
			Instant from, Instant to) {
		return svg(lanes, laneColors, messages, from, to, Options.DEFAULT);
	}

	/**
	 * Draws the votes and polls sent between {@code from} and {@code to} as an SVG
	 * document to inline in a page.
	 * @param lanes the nodes, top to bottom, by name (matched without regard to case)
	 * @param laneColors each node's colour, {@code #rgb} or {@code #rrggbb}; a node
	 * without one, or with anything else, is painted {@value #NEUTRAL}
	 * @param messages what the nodes sent, in any order; a message sent outside the
	 * window, or from or to a node that has no lane, is left out, and so are
	 * {@code client}, {@code membership}, {@code replica} and {@code other} messages
	 * @param from the left edge of the diagram
	 * @param to the right edge, labelled "now"
	 * @param options the size and how many messages to draw at most
	 * @return an {@code <svg>} element, with no XML declaration
	 */
	public static String svg(List<String> lanes, Map<String, String> laneColors, List<LinkMessage> messages,
			Instant from, Instant to, Options options) {
		Objects.requireNonNull(lanes, "lanes");
		Objects.requireNonNull(laneColors, "laneColors");
		Objects.requireNonNull(messages, "messages");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(options, "options");
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("The window must end after it starts: " + from + " to " + to);
		}
		if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
			throw new IllegalArgumentException("A window longer than a day shows no election: " + from + " to " + to);
		}
		return new SpacetimeDiagram(lanes, laneColors, messages, from, to, options).draw();
	}

	/**
	 * What each moment of the drawn messages asks of the clock: a request room before it
	 * (unless it leaves with the others of its burst), its arrival and its answer room
	 * for the way there and back.
	 */
	private static Map<Instant, Double> room(List<LinkMessage> drawn) {
		Map<Instant, Double> room = new HashMap<>();
		Map<String, LinkMessage> bursts = new HashMap<>();
		for (LinkMessage message : drawn) {
			LinkMessage burst = bursts.get(key(message.from()));
			boolean joins = burst != null && sameBurst(burst, message);
			if (!joins) {
				bursts.put(key(message.from()), message);
			}
			room.merge(message.sent(), joins ? 0 : LABEL_ROOM, Math::max);
			if (answered(message)) {
				room.merge(arrivalTime(message), MIN_FLIGHT, Math::max);
				room.merge(message.answered(), MIN_FLIGHT, Math::max);
			}
		}
		return room;
	}

	private String draw() {
		boolean capped = this.drawn.size() < this.elections.size();
		double lastLane = this.laneTop + Math.max(0, this.lanes.size() - 1) * this.options.laneGap();
		double top = this.laneTop - 14;
		double bottom = lastLane + 14;
		double axis = bottom + 28;
		double note = axis + 20;
		double height = (capped ? note : axis) + 12;

		SvgWriter svg = new SvgWriter();
		svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "spacetime", "role", "img", "width",
				this.options.width(), "height", Math.ceil(height), "viewBox",
				"0 0 " + this.options.width() + " " + SvgWriter.number(Math.ceil(height)), "font-family", FONT,
				"font-size", 12);
		svg.text("title", title());
		svg.text("desc", description());
		markers(svg);
		drawLegend(svg);
		drawStretches(svg, top, bottom);
		drawTime(svg, top, bottom, axis);
		drawLanes(svg);
		drawAppends(svg);
		List<TermLabel> labels = new ArrayList<>();
		List<double[]> lines = new ArrayList<>();
		svg.open("g", "class", "spacetime-messages");
		for (LinkMessage message : this.drawn) {
			drawElection(svg, message, lines, labels);
		}
		svg.close("g");
		drawTermLabels(svg, labels, lines);
		if (capped) {
			svg.text("text",
					"showing the last " + this.drawn.size() + " of " + this.elections.size() + " votes and polls",
					"class", "spacetime-note", "x", this.right, "y", note, "text-anchor", "end", "font-size", 11,
					"fill", MUTED);
		}
		if (this.elections.isEmpty()) {
			// Between the first two lanes, where it hides neither lane nor heartbeat.
			drawNoElection(svg, (this.lanes.size() >= 2) ? this.laneTop + this.options.laneGap() / 2.0
					: (this.laneTop + lastLane) / 2);
		}
		return svg.close("svg").toString();
	}

	private boolean drawable(LinkMessage message) {
		return message != null && message.sent() != null && message.kind() != null && message.from() != null
				&& message.to() != null && !message.sent().isBefore(this.from) && !message.sent().isAfter(this.to)
				&& this.lanes.containsKey(key(message.from())) && this.lanes.containsKey(key(message.to()))
				&& !key(message.from()).equals(key(message.to()));
	}

	private String title() {
		List<String> names = this.lanes.values().stream().map(Lane::label).toList();
		return "Raft votes and polls" + (names.size() > 1 ? " between " + ElectionSummary.list(names) : "")
				+ ", the last " + seconds(window()) + " " + secondsWord(window());
	}

	private String description() {
		List<LinkMessage> elections = this.elections;
		int drawn = this.drawn.size();
		List<String> parts = new ArrayList<>();
		if (elections.isEmpty()) {
			parts.add(noElection());
		}
		else {
			parts.add(ElectionSummary.of(elections, (lane) -> this.lanes.get(lane).label(), this::order,
					MAX_DESCRIBED_ROUNDS));
		}
		Map<String, Integer> sent = new LinkedHashMap<>();
		this.lanes.keySet().forEach((lane) -> sent.put(lane, 0));
		this.appends.forEach((append) -> sent.merge(key(append.from()), 1, Integer::sum));
		List<String> senders = new ArrayList<>();
		sent.forEach((lane, count) -> {
			if (count > 0) {
				senders.add(this.lanes.get(lane).label() + " sent " + count + ((count == 1) ? " append" : " appends"));
			}
		});
		if (!senders.isEmpty()) {
			parts.add(ElectionSummary.list(senders) + ".");
		}
		if (drawn < elections.size()) {
			parts.add("The diagram shows the last " + drawn + " of " + elections.size() + " votes and polls.");
		}
		return String.join(" ", parts);
	}

	private String noElection() {
		return "No election in the last " + seconds(window()) + " " + secondsWord(window()) + ".";
	}

	// One marker per colour and shape, named after the colour: two diagrams on one page
	// that share an id then share exactly the same marker.
	private void markers(SvgWriter svg) {
		Set<String> colors = new LinkedHashSet<>();
		this.lanes.values().forEach((lane) -> colors.add(lane.color()));
		colors.add(FAINT);
		colors.add(MUTED);
		svg.open("defs");
		for (String color : colors) {
			marker(svg, arrowId(color, false), color, color);
			marker(svg, arrowId(color, true), PAPER, color);
		}
		svg.close("defs");
	}

	private static void marker(SvgWriter svg, String id, String fill, String stroke) {
		svg.open("marker", "id", id, "viewBox", "0 0 10 10", "refX", 9, "refY", 5, "markerWidth", 8, "markerHeight", 8,
				"markerUnits", "userSpaceOnUse", "orient", "auto");
		svg.empty("path", "class", fill.equals(PAPER) ? "spacetime-arrowhead-open" : "spacetime-arrowhead", "d",
				"M1.5,1.5 L9,5 L1.5,8.5 z", "fill", fill, "stroke", stroke, "stroke-width", 1.2, "stroke-linejoin",
				"round");
		svg.close("marker");
	}

	private static String arrowId(String color, boolean open) {
		return "spacetime-" + (open ? "open-" : "arrow-") + color.substring(1);
	}

	private static String arrowTo(String color, boolean open) {
		return "url(#" + arrowId(color, open) + ")";
	}

	private int layOutLegend() {
		double x = LEFT;
		int row = 0;
		for (String name : List.of(VOTE, POLL, GRANTED, DENIED, DROPPED, UNANSWERED, APPEND, ZOOMED)) {
			String text = switch (name) {
				case POLL -> "poll (pre-vote)";
				case UNANSWERED -> "no answer";
				case APPEND -> "appends";
				case ZOOMED -> "zoomed in";
				default -> name;
			};
			double width = 22 + textWidth(text, 11) + 16;
			if (x > LEFT && x + width > this.right) {
				x = LEFT;
				row++;
			}
			this.legend.add(new LegendItem(name, text, x, 8 + row * LEGEND_ROW + 10));
			x += width;
		}
		return row + 1;
	}

	private void drawLegend(SvgWriter svg) {
		svg.open("g", "class", "spacetime-legend", "font-size", 11, "fill", MUTED);
		for (LegendItem item : this.legend) {
			double x = item.x();
			double y = item.y() - 4;
			switch (item.name()) {
				case VOTE -> svg.empty("line", "x1", x, "y1", y, "x2", x + 16, "y2", y, "stroke", MUTED, "stroke-width",
						1.75, "marker-end", arrowTo(MUTED, false));
				case POLL -> svg.empty("line", "x1", x, "y1", y, "x2", x + 16, "y2", y, "stroke", MUTED, "stroke-width",
						1, "marker-end", arrowTo(MUTED, true));
				case GRANTED -> svg.empty("line", "x1", x + 16, "y1", y, "x2", x, "y2", y, "stroke", MUTED,
						"stroke-width", 1.75, "marker-end", arrowTo(MUTED, false));
				case DENIED -> svg.empty("line", "x1", x + 16, "y1", y, "x2", x, "y2", y, "stroke", FAINT,
						"stroke-width", 1.5, "stroke-dasharray", "3 2.5", "marker-end", arrowTo(FAINT, false));
				case DROPPED -> {
					svg.empty("line", "x1", x, "y1", y, "x2", x + 10, "y2", y, "stroke", MUTED, "stroke-width", 1.5);
					cross(svg, x + 13, y, INK);
				}
				case UNANSWERED -> {
					svg.empty("line", "x1", x, "y1", y, "x2", x + 13, "y2", y, "stroke", MUTED, "stroke-width", 1.5);
					openEnd(svg, x + 13, y, MUTED);
				}
				case APPEND -> svg.empty("path", "d",
						"M" + SvgWriter.number(x + 2) + "," + SvgWriter.number(y - 5)
								+ "v10m4,-10v10m4,-10v10m4,-10v10",
						"stroke", MUTED, "stroke-opacity", 0.55, "stroke-width", 1);
				default -> svg.empty("rect", "x", x, "y", y - 7, "width", 16, "height", 14, "rx", 3, "fill", BAND,
						"stroke", GRID);
			}
			svg.text("text", item.text(), "x", x + 22, "y", item.y());
		}
		svg.close("g");
	}

	private void drawTime(SvgWriter svg, double top, double bottom, double labels) {
		double window = window();
		double step = TICK_STEPS[TICK_STEPS.length - 1];
		for (double candidate : TICK_STEPS) {
			if (window / candidate <= 5) {
				step = candidate;
				break;
			}
		}
		svg.open("g", "class", "spacetime-time", "font-size", 11, "fill", MUTED, "text-anchor", "middle");
		double leftmostLabel = Double.MAX_VALUE;
		for (int k = 0; k * step <= window * (1 + 1e-9) && k <= 1000; k++) {
			double x = x(this.to.minusNanos(Math.round(k * step * 1e9)));
			svg.empty("line", "class", "spacetime-grid", "x1", x, "y1", top, "x2", x, "y2", bottom, "stroke", GRID,
					"stroke-width", 1, "stroke-dasharray", (k == 0) ? null : "2 3");
			String text = (k == 0) ? "now" : "-" + seconds(k * step) + " s";
			// The clock squeezes quiet stretches: a label that would touch its right-hand
			// neighbour is left out, its grid line stays.
			double half = textWidth(text, 11) / 2;
			if (x + half + 8 <= leftmostLabel) {
				svg.text("text", text, "x", x, "y", labels);
				leftmostLabel = x - half;
			}
		}
		svg.close("g");
	}

	private void drawLanes(SvgWriter svg) {
		for (Lane lane : this.lanes.values()) {
			svg.open("g", "class", "spacetime-lane" + lane.nodeClass());
			svg.empty("line", "x1", LEFT, "y1", lane.y(), "x2", this.right, "y2", lane.y(), "stroke", lane.color(),
					"stroke-width", 2, "stroke-opacity", 0.35, "stroke-linecap", "round");
			svg.empty("circle", "cx", LEFT - 82, "cy", lane.y(), "r", 4, "fill", lane.color());
			svg.text("text", lane.label(), "class", "spacetime-lane-label", "x", LEFT - 74, "y", lane.y() + 4.5,
					"font-size", 13, "font-weight", 600, "fill", INK);
			svg.close("g");
		}
	}

	private void drawAppends(SvgWriter svg) {
		List<LinkMessage> appends = this.appends;
		if (appends.isEmpty()) {
			return;
		}
		svg.open("g", "class", "spacetime-appends");
		if (appends.size() <= MAX_APPEND_ARROWS) {
			for (LinkMessage append : appends) {
				Lane sender = this.lanes.get(key(append.from()));
				Lane receiver = this.lanes.get(key(append.to()));
				double x1 = x(append.sent());
				double x2 = arrival(append, x1);
				boolean lost = !"ok".equals(lowered(append.outcome()));
				svg.open("g", "class", "spacetime-append" + (lost ? " spacetime-append-lost" : ""));
				svg.text("title", tooltip(append));
				if (DROPPED.equals(outcome(append))) {
					double[] end = along(x1, sender.y(), x2, receiver.y(), 0.4);
					svg.empty("line", "x1", x1, "y1", sender.y(), "x2", end[0], "y2", end[1], "stroke", sender.color(),
							"stroke-width", 1, "stroke-opacity", 0.6);
					cross(svg, end[0], end[1], INK);
				}
				else {
					svg.empty("line", "x1", x1, "y1", sender.y(), "x2", x2, "y2", receiver.y(), "stroke",
							sender.color(), "stroke-width", 1, "stroke-opacity", 0.6, "stroke-dasharray",
							lost ? "2 2" : null);
				}
				svg.close("g");
			}
		}
		else {
			drawAppendTicks(svg, appends);
		}
		svg.close("g");
	}

	// One path per lane, and one pixel column drawn once: a busy leader's few thousand
	// heartbeats still make a handful of elements.
	private void drawAppendTicks(SvgWriter svg, List<LinkMessage> appends) {
		Map<String, Set<Long>> delivered = new HashMap<>();
		Map<String, Set<Long>> lost = new HashMap<>();
		for (LinkMessage append : appends) {
			Map<String, Set<Long>> ticks = "ok".equals(lowered(append.outcome())) ? delivered : lost;
			ticks.computeIfAbsent(key(append.from()), (lane) -> new TreeSet<>()).add(Math.round(x(append.sent()) * 2));
		}
		for (Lane lane : this.lanes.values()) {
			ticks(svg, lane, delivered.get(lane.key()), "spacetime-append", lane.color(), lane.y() - 5);
			ticks(svg, lane, lost.get(lane.key()), "spacetime-append spacetime-append-lost", FAINT, lane.y() + 1);
		}
	}

	private static void ticks(SvgWriter svg, Lane lane, Set<Long> halfPixels, String cssClass, String color,
			double top) {
		if (halfPixels == null) {
			return;
		}
		StringBuilder path = new StringBuilder();
		for (long halfPixel : halfPixels) {
			path.append('M')
				.append(SvgWriter.number(halfPixel / 2.0))
				.append(',')
				.append(SvgWriter.number(top))
				.append("v4");
		}
		svg.empty("path", "class", cssClass + lane.nodeClass(), "d", path, "stroke", color, "stroke-width", 1,
				"stroke-opacity", 0.5);
	}

	private static boolean sameBurst(LinkMessage first, LinkMessage next) {
		return kind(first).equals(kind(next)) && Objects.equals(first.term(), next.term())
				&& Duration.between(first.sent(), next.sent()).compareTo(BURST) <= 0;
	}

	private static boolean answered(LinkMessage message) {
		String outcome = outcome(message);
		return message.answered() != null && (GRANTED.equals(outcome) || DENIED.equals(outcome));
	}

	/**
	 * When a request reached its receiver, as far as its sender can tell: halfway to its
	 * answer.
	 */
	private static Instant arrivalTime(LinkMessage message) {
		if (message.answered() != null && message.answered().isAfter(message.sent())) {
			return message.sent().plus(Duration.between(message.sent(), message.answered()).dividedBy(2));
		}
		return message.sent();
	}

	private void drawElection(SvgWriter svg, LinkMessage message, List<double[]> lines, List<TermLabel> labels) {
		Lane sender = this.lanes.get(key(message.from()));
		Lane receiver = this.lanes.get(key(message.to()));
		boolean poll = POLL.equals(kind(message));
		String outcome = outcome(message);
		double width = poll ? 1.1 : 1.75;
		double x1 = x(message.sent());
		double y1 = sender.y();
		double x2 = arrival(message, x1);
		double y2 = receiver.y();
		svg.open("g", "class", "spacetime-message spacetime-" + kind(message) + " spacetime-" + outcome);
		svg.text("title", tooltip(message));
		double[] request;
		switch (outcome) {
			case DROPPED -> {
				double[] end = along(x1, y1, x2, y2, 0.45);
				request = new double[] { x1, y1, end[0], end[1] };
				line(svg, "spacetime-request", request, sender.color(), width, null, null);
				cross(svg, end[0], end[1], INK);
			}
			case GRANTED, DENIED -> {
				request = new double[] { x1, y1, x2, y2 };
				line(svg, "spacetime-request", request, sender.color(), width, null, arrowTo(sender.color(), poll));
				double x3 = (message.answered() != null) ? Math.max(x(message.answered()), x2 + MIN_SLANT)
						: x2 + MIN_FLIGHT;
				boolean granted = GRANTED.equals(outcome);
				String color = granted ? receiver.color() : FAINT;
				double[] answer = { x2, y2, x3, y1 };
				line(svg, "spacetime-answer", answer, color, granted ? width : 1.25, granted ? null : "4 3",
						arrowTo(color, poll));
				lines.add(answer);
			}
			default -> {
				request = new double[] { x1, y1, x2, y2 };
				line(svg, "spacetime-request", request, sender.color(), width, null, null);
				openEnd(svg, x2, y2, sender.color());
			}
		}
		lines.add(request);
		if (message.term() != null) {
			double[] at = labelPoint(request);
			labels.add(new TermLabel("t" + message.term(), at[0] - 4, at[1] + 3.5, sender.color(), request));
		}
		svg.close("g");
	}

	/**
	 * Term labels go last, once every line is known: each sits right-aligned left of its
	 * request, and is left out where it would touch another line or label (a burst of
	 * requests shares one term, and hundreds of votes leave room for few labels).
	 */
	private void drawTermLabels(SvgWriter svg, List<TermLabel> labels, List<double[]> lines) {
		List<double[]> placed = new ArrayList<>();
		svg.open("g", "class", "spacetime-terms", "font-size", 10, "text-anchor", "end");
		for (TermLabel label : labels) {
			double[] box = { label.x() - textWidth(label.text(), 10), label.y() - 9, label.x() + 1, label.y() + 2 };
			boolean free = box[0] >= LEFT && placed.stream().noneMatch((other) -> overlap(box, other))
					&& lines.stream().noneMatch((line) -> line != label.request() && crosses(line, box));
			if (free) {
				placed.add(box);
				svg.text("text", label.text(), "class", "spacetime-term", "x", label.x(), "y", label.y(), "fill",
						label.color());
			}
		}
		svg.close("g");
	}

	private static boolean overlap(double[] box, double[] other) {
		return box[0] < other[2] + 2 && other[0] < box[2] + 2 && box[1] < other[3] && other[1] < box[3];
	}

	/**
	 * Whether a line passes through a box: clipped to the box's height, its x range meets
	 * the box's.
	 */
	private static boolean crosses(double[] line, double[] box) {
		double top = Math.max(box[1], Math.min(line[1], line[3]));
		double bottom = Math.min(box[3], Math.max(line[1], line[3]));
		if (top > bottom) {
			return false;
		}
		double dy = line[3] - line[1];
		double xTop = (dy == 0) ? line[0] : line[0] + (line[2] - line[0]) * (top - line[1]) / dy;
		double xBottom = (dy == 0) ? line[2] : line[0] + (line[2] - line[0]) * (bottom - line[1]) / dy;
		return Math.max(xTop, xBottom) >= box[0] && Math.min(xTop, xBottom) <= box[2];
	}

	/**
	 * A faint band behind each span the clock drew wider than its time, with its real
	 * length under it: a gap in the heartbeats there is the clock, not the leader. Left
	 * out when most of the window is stretched, where a band would say nothing.
	 */
	private void drawStretches(SvgWriter svg, double top, double bottom) {
		List<TimeWarp.Stretch> bands = new ArrayList<>();
		for (TimeWarp.Stretch stretch : this.clock.stretches()) {
			TimeWarp.Stretch last = bands.isEmpty() ? null : bands.get(bands.size() - 1);
			// One election is several stretches (a burst's second request asks no room):
			// bands that would touch are one.
			if (last != null && stretch.x1() - last.x2() < 2 * BAND_MARGIN + 4) {
				bands.set(bands.size() - 1, new TimeWarp.Stretch(last.start(), stretch.end(), last.x1(), stretch.x2()));
			}
			else {
				bands.add(stretch);
			}
		}
		double covered = bands.stream().mapToDouble((band) -> band.x2() - band.x1() + 2 * BAND_MARGIN).sum();
		if (bands.isEmpty() || covered > 0.5 * (this.right - LEFT)) {
			return;
		}
		svg.open("g", "class", "spacetime-stretches", "font-size", 10, "fill", MUTED, "text-anchor", "middle");
		double lastLabelEnd = Double.NEGATIVE_INFINITY;
		for (TimeWarp.Stretch band : bands) {
			double x1 = band.x1() - BAND_MARGIN;
			double x2 = band.x2() + BAND_MARGIN;
			String length = duration(band.duration());
			svg.open("g", "class", "spacetime-stretch");
			svg.text("title", length + " drawn wider, so that every message in it shows");
			svg.empty("rect", "x", x1, "y", top, "width", x2 - x1, "height", bottom - top, "rx", 4, "fill", BAND);
			double half = textWidth(length, 10) / 2;
			double middle = (x1 + x2) / 2;
			if (middle - half > lastLabelEnd + 4) {
				svg.text("text", length, "x", middle, "y", bottom + 11);
				lastLabelEnd = middle + half;
			}
			svg.close("g");
		}
		svg.close("g");
	}

	static String duration(Duration duration) {
		double millis = duration.toNanos() / 1e6;
		if (millis >= 1000) {
			return BigDecimal.valueOf(millis / 1000)
				.setScale(1, RoundingMode.HALF_UP)
				.stripTrailingZeros()
				.toPlainString() + " s";
		}
		int scale = (millis < 10) ? 1 : 0;
		return BigDecimal.valueOf(millis).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
				+ " ms";
	}

	private void drawNoElection(SvgWriter svg, double y) {
		String text = noElection();
		double width = textWidth(text, 13) + 32;
		double x = (LEFT + this.right) / 2;
		svg.open("g", "class", "spacetime-empty");
		svg.empty("rect", "x", x - width / 2, "y", y - 15, "width", width, "height", 30, "rx", 6, "fill", PAPER,
				"stroke", GRID);
		svg.text("text", text, "x", x, "y", y + 4.5, "text-anchor", "middle", "font-size", 13, "fill", MUTED);
		svg.close("g");
	}

	private static void cross(SvgWriter svg, double x, double y, String color) {
		double r = 3.5;
		svg.empty("path", "class", "spacetime-cross", "d",
				"M" + SvgWriter.number(x - r) + "," + SvgWriter.number(y - r) + " l" + SvgWriter.number(2 * r) + ","
						+ SvgWriter.number(2 * r) + " m0," + SvgWriter.number(-2 * r) + " l" + SvgWriter.number(-2 * r)
						+ "," + SvgWriter.number(2 * r),
				"stroke", color, "stroke-width", 1.75, "stroke-linecap", "round");
	}

	private static void openEnd(SvgWriter svg, double x, double y, String color) {
		svg.empty("circle", "class", "spacetime-unanswered-end", "cx", x, "cy", y, "r", 3, "fill", PAPER, "stroke",
				color, "stroke-width", 1.5);
	}

	private String tooltip(LinkMessage message) {
		String route = this.lanes.get(key(message.from())).label() + " to " + this.lanes.get(key(message.to())).label();
		String term = (message.term() != null) ? " in term " + message.term() : "";
		String outcome = (message.outcome() != null) ? message.outcome() : "no outcome";
		String after = "";
		if (message.answered() != null) {
			Duration took = Duration.between(message.sent(), message.answered());
			if (!took.isNegative() && took.compareTo(MAX_WINDOW) <= 0) {
				after = " after " + seconds(took.toNanos() / 1e6) + " ms";
			}
		}
		return kind(message) + " " + route + term + ": " + outcome + after;
	}

	/**
	 * Where a request reaches its receiver: where the clock put its arrival, or for one
	 * that was never answered, a slant of its own.
	 */
	private double arrival(LinkMessage message, double x1) {
		if (answered(message)) {
			return Math.max(x(arrivalTime(message)), x1 + MIN_SLANT);
		}
		return x1 + MIN_FLIGHT;
	}

	private double x(Instant instant) {
		return this.clock.x(instant);
	}

	private double window() {
		return Duration.between(this.from, this.to).toNanos() / 1e9;
	}

	private int order(String lane) {
		int index = 0;
		for (String key : this.lanes.keySet()) {
			if (key.equals(lane)) {
				return index;
			}
			index++;
		}
		return index;
	}

	/**
	 * Half a lane from the sender, where the label is between its lane and the next: a
	 * request to a lane further away would otherwise have it on the lane it crosses.
	 */
	private double[] labelPoint(double[] line) {
		double fraction = Math.min(0.5, this.options.laneGap() / 2.0 / Math.max(1, Math.abs(line[3] - line[1])));
		return along(line[0], line[1], line[2], line[3], fraction);
	}

	private static void line(SvgWriter svg, String cssClass, double[] line, String color, double width, String dashes,
			String marker) {
		svg.empty("line", "class", cssClass, "x1", line[0], "y1", line[1], "x2", line[2], "y2", line[3], "stroke",
				color, "stroke-width", width, "stroke-dasharray", dashes, "marker-end", marker);
	}

	private static double[] along(double x1, double y1, double x2, double y2, double fraction) {
		return new double[] { x1 + (x2 - x1) * fraction, y1 + (y2 - y1) * fraction };
	}

	// A guess at a system sans-serif's advance: a little wide, so that labels keep apart.
	private static double textWidth(String text, double fontSize) {
		return text.codePointCount(0, text.length()) * fontSize * 0.55;
	}

	static String seconds(double seconds) {
		return BigDecimal.valueOf(seconds).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private static String secondsWord(double seconds) {
		return "1".equals(seconds(seconds)) ? "second" : "seconds";
	}

	static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	static String kind(LinkMessage message) {
		return lowered(message.kind());
	}

	static String outcome(LinkMessage message) {
		String outcome = lowered(message.outcome());
		return switch (outcome) {
			case GRANTED, DENIED, DROPPED -> outcome;
			default -> UNANSWERED;
		};
	}

	private static String lowered(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : "";
	}

	static String color(String color) {
		return (color != null && HEX_COLOR.matcher(color).matches()) ? sixDigits(color) : NEUTRAL;
	}

	private static String sixDigits(String color) {
		String hex = color.substring(1).toLowerCase(Locale.ROOT);
		if (hex.length() == 3) {
			hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
		}
		return "#" + hex;
	}

	static String capitalised(String name) {
		if (name.isEmpty()) {
			return name;
		}
		int first = name.codePointAt(0);
		return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
			.append(name, Character.charCount(first), name.length())
			.toString();
	}

	private record Lane(String key, String label, String color, double y) {

		String nodeClass() {
			return CLASS_SAFE.matcher(this.key).matches() ? " node-" + this.key : "";
		}

	}

	private record TermLabel(String text, double x, double y, String color, double[] request) {
	}

	private record LegendItem(String name, String text, double x, double y) {
	}

}
