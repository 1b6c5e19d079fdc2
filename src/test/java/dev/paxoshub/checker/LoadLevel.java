package dev.paxoshub.checker;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.paxoshub.bench.Attempt;
import dev.paxoshub.bench.Figures;
import dev.paxoshub.bench.Samples;

/**
 * The measured sign-ups of one load level: how many clients, for how long, the latencies
 * of the acknowledged ones and what failed for the others.
 */
final class LoadLevel {

	final int clients;

	final double seconds;

	final Samples latency = new Samples();

	final Map<String, Integer> errors = new TreeMap<>();

	LoadLevel(int clients, double seconds) {
		this.clients = clients;
		this.seconds = seconds;
	}

	void add(Attempt signUp) {
		if (signUp.ok()) {
			this.latency.add(signUp.end() - signUp.start());
		}
		else {
			this.errors.merge(signUp.error(), 1, Integer::sum);
		}
	}

	int errorCount() {
		return this.errors.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Acknowledged sign-ups per second. */
	String rate() {
		return (this.seconds <= 0) ? "n/a" : String.format(Locale.ROOT, "%.1f", this.latency.count() / this.seconds);
	}

	String summary() {
		return String.format(Locale.ROOT,
				"%d client%s: %d sign-ups in %.1f s = %s/s; p50 %s, p90 %s, p99 %s, max %s, mean %s ms; %d errors%s",
				this.clients, (this.clients == 1) ? "" : "s", this.latency.count(), this.seconds, rate(),
				Figures.msToTenths(this.latency.percentileMs(50)), Figures.msToTenths(this.latency.percentileMs(90)),
				Figures.msToTenths(this.latency.percentileMs(99)), Figures.msToTenths(this.latency.percentileMs(100)),
				Figures.msToTenths(this.latency.meanMs()), errorCount(),
				this.errors.isEmpty() ? "" : " " + this.errors);
	}

}
