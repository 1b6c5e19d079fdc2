package dev.paxoshub.home;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one clock of a diagram: where an instant is drawn. A vote's round trip takes a
 * millisecond or two, under a pixel when a few seconds fill the width, so a candidate's
 * polls, their answers and its votes would be one smudge. This clock gives every moment
 * the diagram marks (a request leaving, arriving, its answer coming back) the room it
 * asks for after the moment before, and takes that room from the quiet stretches in
 * between. Everything is drawn through it, the tick labels too: order is kept, and the
 * seconds on the axis stay true where they are printed.
 */
final class TimeWarp {

	/**
	 * At most this share of the width goes to room asked for; the rest stays in
	 * proportion to time, so that hundreds of messages still leave the quiet stretches
	 * some width.
	 */
	private static final double MAX_ROOM_SHARE = 0.7;

	private final Instant from;

	private final long[] offsets;

	private final double[] xs;

	private final List<Stretch> stretches = new ArrayList<>();

	/**
	 * A span of time drawn wider than the rest of the diagram.
	 *
	 * @param start when it begins
	 * @param end when it ends
	 * @param x1 where it begins
	 * @param x2 where it ends
	 */
	record Stretch(Instant start, Instant end, double x1, double x2) {

		Duration duration() {
			return Duration.between(this.start, this.end);
		}

	}

	/**
	 * @param room for each moment, the pixels it wants after the moment before it;
	 * moments outside the window are moved to its edge
	 */
	TimeWarp(Instant from, Instant to, double left, double right, Map<Instant, Double> room) {
		this.from = from;
		long window = nanos(from, to);
		TreeMap<Long, Double> moments = new TreeMap<>();
		room.forEach((at, pixels) -> moments.merge(Math.max(0, Math.min(window, nanos(from, at))), pixels, Math::max));
		moments.putIfAbsent(window, 0.0);
		int count = moments.size() + 1;
		this.offsets = new long[count];
		double[] wanted = new double[count];
		int i = 1;
		for (Map.Entry<Long, Double> moment : moments.entrySet()) {
			this.offsets[i] = moment.getKey();
			wanted[i] = moment.getValue();
			i++;
		}
		double width = right - left;
		double asked = Arrays.stream(wanted).sum();
		if (asked > MAX_ROOM_SHARE * width) {
			double share = MAX_ROOM_SHARE * width / asked;
			Arrays.setAll(wanted, (k) -> wanted[k] * share);
		}
		double scale = scale(wanted, width);
		this.xs = new double[count];
		this.xs[0] = left;
		int runStart = -1;
		boolean runStretched = false;
		for (int k = 1; k < count; k++) {
			double length = length(k, wanted, scale);
			this.xs[k] = this.xs[k - 1] + length;
			// Twice its share of the width, and half a pixel more for spans of no time.
			boolean stretched = wanted[k] > 2 * (this.offsets[k] - this.offsets[k - 1]) * scale + 0.5;
			// Under a pixel (the second request of a burst) belongs to the stretch beside
			// it.
			boolean quiet = !stretched && length >= 1;
			if (quiet) {
				if (runStretched) {
					addStretch(runStart, k - 1);
				}
				runStart = -1;
				runStretched = false;
			}
			else {
				runStart = (runStart < 0) ? k - 1 : runStart;
				runStretched |= stretched;
			}
		}
		if (runStretched) {
			addStretch(runStart, count - 1);
		}
	}

	/** The spans drawn wider than their time, oldest first. */
	List<Stretch> stretches() {
		return this.stretches;
	}

	private void addStretch(int first, int last) {
		this.stretches.add(new Stretch(this.from.plusNanos(this.offsets[first]),
				this.from.plusNanos(this.offsets[last]), this.xs[first], this.xs[last]));
	}

	double x(Instant instant) {
		long offset = Math.max(0, Math.min(this.offsets[this.offsets.length - 1], nanos(this.from, instant)));
		int k = Arrays.binarySearch(this.offsets, offset);
		if (k >= 0) {
			// Several moments may share an offset only at the start; the last one is
			// where
			// time goes on from.
			while (k + 1 < this.offsets.length && this.offsets[k + 1] == offset) {
				k++;
			}
			return this.xs[k];
		}
		int after = -k - 1;
		int before = after - 1;
		double fraction = (double) (offset - this.offsets[before]) / (this.offsets[after] - this.offsets[before]);
		return this.xs[before] + (this.xs[after] - this.xs[before]) * fraction;
	}

	private double length(int k, double[] wanted, double scale) {
		return Math.max((this.offsets[k] - this.offsets[k - 1]) * scale, wanted[k]);
	}

	/**
	 * Pixels per nanosecond such that the stretches, each as long as its time or the room
	 * it wants, fill the width exactly; found by bisection, since the total only grows
	 * with the scale.
	 */
	private double scale(double[] wanted, double width) {
		double low = 0;
		double high = width / Math.max(1, this.offsets[this.offsets.length - 1]);
		for (int round = 0; round < 64; round++) {
			double middle = (low + high) / 2;
			double total = 0;
			for (int k = 1; k < this.offsets.length; k++) {
				total += length(k, wanted, middle);
			}
			if (total > width) {
				high = middle;
			}
			else {
				low = middle;
			}
		}
		return low;
	}

	// An answer a thousand years late is as far right as one a second late.
	private static long nanos(Instant from, Instant to) {
		try {
			return Duration.between(from, to).toNanos();
		}
		catch (ArithmeticException tooFar) {
			return from.isBefore(to) ? Long.MAX_VALUE : Long.MIN_VALUE;
		}
	}

}
