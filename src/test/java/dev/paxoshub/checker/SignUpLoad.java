package dev.paxoshub.checker;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.paxoshub.bench.Attempt;
import dev.paxoshub.bench.Pause;

/**
 * Sign-ups through the front door in a closed loop: each client sends its next sign-up as
 * soon as the last one is answered, so the figures are what the cluster gives, not what a
 * pace asked of it.
 */
record SignUpLoad(SignUps signUps, URI frontDoor) {

	/**
	 * One level. What ends in the ramp is not counted; the level then runs at least
	 * {@code least} and until {@code minSignups} succeeded, at most {@code cap}. Sign-ups
	 * still in flight when it ends are not counted either.
	 */
	LoadLevel run(int clients, Duration ramp, Duration least, int minSignups, Duration cap) {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger ok = new AtomicInteger();
		long from = System.nanoTime() + ramp.toNanos();
		List<List<Attempt>> done = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			List<Attempt> mine = new ArrayList<>();
			done.add(mine);
			Thread thread = new Thread(() -> {
				while (running.get()) {
					Attempt signUp = this.signUps.send(this.frontDoor);
					if (signUp.end() < from) {
						continue;
					}
					mine.add(signUp);
					if (signUp.ok()) {
						ok.incrementAndGet();
					}
				}
			}, "bench-signup-" + c);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		sleepUntil(from + least.toNanos());
		while (ok.get() < minSignups && System.nanoTime() < from + cap.toNanos()) {
			Pause.millis(20);
		}
		long until = System.nanoTime();
		running.set(false);
		for (Thread thread : threads) {
			try {
				thread.join(SignUps.REQUEST_TIMEOUT.toMillis() + 5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		LoadLevel level = new LoadLevel(clients, (until - from) / 1e9);
		done.stream().flatMap(List::stream).filter((signUp) -> signUp.end() <= until).forEach(level::add);
		return level;
	}

	private static void sleepUntil(long nanoTime) {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			Pause.millis(TimeUnit.NANOSECONDS.toMillis(left) + 1);
		}
	}

}
