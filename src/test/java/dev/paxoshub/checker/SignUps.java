package dev.paxoshub.checker;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.paxoshub.bench.Attempt;

/**
 * Sign-ups as the benchmark sends them, {@code POST /api/accounts} to the front door or a
 * node: each with a username new for the whole run, all with the same password.
 */
final class SignUps {

	static final String PASSWORD = "bench-password-1";

	/**
	 * Generous: at 64 clients on two cores a sign-up queues behind dozens of BCrypts.
	 */
	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private final SiteClient site;

	private final String prefix;

	private final AtomicLong sent = new AtomicLong();

	/**
	 * Usernames are the mode, a run tag and a counter (39 characters at most), so that no
	 * two runs nor modes ever claim the same one.
	 */
	SignUps(SiteClient site, String mode) {
		this.site = site;
		this.prefix = "pb" + mode + "-" + Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36) + "-";
	}

	Attempt send(URI base) {
		String name = this.prefix + this.sent.incrementAndGet();
		long start = System.nanoTime();
		Answer answer = this.site.claim(base, name, name, PASSWORD);
		return new Attempt(start, System.nanoTime(), error(answer));
	}

	/** How many usernames the run used. */
	long used() {
		return this.sent.get();
	}

	/** Null when the sign-up was acknowledged (201), else what went wrong, briefly. */
	private static String error(Answer answer) {
		if (answer.outcome() == Op.Outcome.OK && answer.status() == 201) {
			return null;
		}
		String detail = String.valueOf(answer.error());
		detail = detail.substring(0, Math.min(60, detail.length()));
		return (answer.status() == 0) ? detail : "HTTP " + answer.status() + " " + detail;
	}

}
