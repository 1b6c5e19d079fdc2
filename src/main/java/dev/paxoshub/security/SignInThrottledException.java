package dev.paxoshub.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins lately: this one is not even checked. */
class SignInThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	SignInThrottledException(Duration retryAfter) {
		super("Too many failed sign-ins. Try again in " + seconds(retryAfter) + " seconds.");
		this.retryAfter = retryAfter;
	}

	/** Whole seconds, rounded up, as a Retry-After header wants them. */
	long retryAfterSeconds() {
		return seconds(this.retryAfter);
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
