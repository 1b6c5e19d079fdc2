package dev.paxoshub.bench;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, with nearest-rank percentiles in milliseconds. Not
 * thread-safe.
 */
public final class Samples {

	private long[] nanos = new long[1024];

	private int count;

	public void add(long elapsedNanos) {
		if (this.count == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
		}
		this.nanos[this.count++] = elapsedNanos;
	}

	void addAll(Samples other) {
		for (int i = 0; i < other.count; i++) {
			add(other.nanos[i]);
		}
	}

	public int count() {
		return this.count;
	}

	/**
	 * Nearest rank: the smallest sample with at least p% of the samples at or below it;
	 * NaN when empty.
	 */
	public double percentileMs(double p) {
		if (this.count == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.nanos, this.count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * this.count);
		return sorted[Math.max(0, Math.min(this.count - 1, rank - 1))] / 1e6;
	}

	double maxMs() {
		return percentileMs(100);
	}

	public double meanMs() {
		if (this.count == 0) {
			return Double.NaN;
		}
		double sum = 0;
		for (int i = 0; i < this.count; i++) {
			sum += this.nanos[i];
		}
		return sum / this.count / 1e6;
	}

	String summary() {
		return String.format("n=%d p50=%s p90=%s p99=%s max=%s mean=%s ms", this.count, Figures.ms(percentileMs(50)),
				Figures.ms(percentileMs(90)), Figures.ms(percentileMs(99)), Figures.ms(maxMs()), Figures.ms(meanMs()));
	}

}
