package dev.paxoshub.bench;

/** Sleeps that end the benchmark when interrupted rather than carry on half-measured. */
public final class Pause {

	private Pause() {
	}

	public static void millis(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
