package dev.paxoshub.bench;

/**
 * One request of a benchmark: when it was sent and when it was answered
 * ({@link System#nanoTime()}), and null or what failed.
 */
public record Attempt(long start, long end, String error) {

	public boolean ok() {
		return this.error == null;
	}

}
