package dev.paxoshub.checker;

/**
 * Milliseconds since the run began, from a monotonic clock: the history's one time base.
 */
final class RunClock {

	private final long origin = System.nanoTime();

	double now() {
		return (System.nanoTime() - this.origin) / 1_000_000.0;
	}

}
