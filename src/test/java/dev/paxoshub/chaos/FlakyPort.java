package dev.paxoshub.chaos;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flaky node seen from outside: its port, sampled every few milliseconds, refuses
 * connections and accepts them again, over and over, until the node is told to be steady.
 */
final class FlakyPort {

	/** Long enough for several of the short away and back times the tests ask for. */
	private static final Duration WATCH = Duration.ofSeconds(10);

	private static final Duration SAMPLE_EVERY = Duration.ofMillis(20);

	private FlakyPort() {
	}

	/**
	 * Watches the port until it was seen closed, open, closed and open again, in that
	 * order; fails if that does not happen within {@link #WATCH}.
	 */
	static void assertComesAndGoes(URI node) {
		List<Boolean> states = new ArrayList<>();
		long deadline = System.nanoTime() + WATCH.toNanos();
		while (changes(states) < 4 && System.nanoTime() < deadline) {
			boolean open = ChaosDriver.portAccepts(node);
			if (states.isEmpty() || states.get(states.size() - 1) != open) {
				states.add(open);
			}
			pause();
		}
		assertThat(states).as("the port's states in order (true: open)").containsSubsequence(false, true, false, true);
	}

	/**
	 * Stops the flakiness; the node may be away at that moment, so it is asked until its
	 * port takes the request.
	 */
	static void steady(ChaosDriver chaos, String node) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.ignoreExceptions()
			.until(() -> chaos.apply(node, "steady", null).status() == 200);
	}

	/** The port accepts every connection for longer than any away time asked for. */
	static void assertStaysOpen(URI node) {
		long until = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
		while (System.nanoTime() < until) {
			assertThat(ChaosDriver.portAccepts(node)).as("port of %s open", node).isTrue();
			pause();
		}
	}

	private static int changes(List<Boolean> states) {
		int start = states.indexOf(false);
		return (start < 0) ? 0 : states.size() - start;
	}

	private static void pause() {
		try {
			Thread.sleep(SAMPLE_EVERY.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
