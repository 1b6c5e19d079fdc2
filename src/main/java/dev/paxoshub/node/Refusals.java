package dev.paxoshub.node;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The writes and reads this node refused for want of a majority, counted and the latest
 * few kept, so that a dashboard can show when and why, and a check can tell refusals from
 * silence.
 */
@Component
public class Refusals {

	private static final int KEPT = 20;

	private final Clock clock;

	private final AtomicLong count = new AtomicLong();

	private final Deque<Refusal> latest = new ArrayDeque<>();

	public Refusals(Clock clock) {
		this.clock = clock;
	}

	public void refused(String why) {
		this.count.incrementAndGet();
		synchronized (this.latest) {
			this.latest.addLast(new Refusal(this.clock.instant(), why));
			while (this.latest.size() > KEPT) {
				this.latest.removeFirst();
			}
		}
	}

	public Summary summary() {
		synchronized (this.latest) {
			return new Summary(this.count.get(), List.copyOf(this.latest));
		}
	}

	public record Refusal(Instant at, String why) {
	}

	/**
	 * @param count every refusal since the node started; @param latest the last few
	 */
	public record Summary(long count, List<Refusal> latest) {
	}

}
