package dev.paxoshub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Writes through a survivor during a failover, one every interval whatever the earlier
 * ones are doing, so that a write stuck until the election ends does not hide the moment
 * the survivor can write again. At most {@code maxInFlight} at once, so that a node that
 * answers nothing does not pile up threads.
 */
public final class PacedAttempts {

	private final Duration interval;

	private final int maxInFlight;

	private final Supplier<Attempt> attempt;

	private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "bench-failover-ticker");
		thread.setDaemon(true);
		return thread;
	});

	private final ExecutorService pool = Executors.newCachedThreadPool((r) -> {
		Thread thread = new Thread(r, "bench-failover-attempt");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param attempt makes one write and says how it went
	 */
	public PacedAttempts(Duration interval, int maxInFlight, Supplier<Attempt> attempt) {
		this.interval = interval;
		this.maxInFlight = maxInFlight;
		this.attempt = attempt;
	}

	public void start() {
		this.ticker.scheduleAtFixedRate(() -> {
			if (this.inFlight.get() >= this.maxInFlight) {
				return;
			}
			this.inFlight.incrementAndGet();
			this.pool.execute(() -> {
				try {
					this.attempts.add(this.attempt.get());
				}
				finally {
					this.inFlight.decrementAndGet();
				}
			});
		}, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Waits for the first successful attempt sent at or after {@code instant}
	 * ({@link System#nanoTime()}); null if none came within the timeout.
	 */
	public Attempt firstOkSentAfter(long instant, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Attempt first = this.attempts.stream()
				.filter((a) -> a.ok() && a.start() >= instant)
				.min(Comparator.comparingLong(Attempt::end))
				.orElse(null);
			if (first != null) {
				return first;
			}
			Pause.millis(5);
		}
		return null;
	}

	/** No new attempts; those under way get {@code grace} to end. */
	public void stop(Duration grace) {
		this.ticker.shutdownNow();
		this.pool.shutdown();
		try {
			this.pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Those that ended so far, in the order they ended. */
	public List<Attempt> attempts() {
		return new ArrayList<>(this.attempts);
	}

}
