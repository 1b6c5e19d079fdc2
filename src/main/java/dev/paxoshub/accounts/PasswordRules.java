package dev.paxoshub.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a password must be for BCrypt to keep all of it. */
final class PasswordRules {

	static final int MIN_LENGTH = 8;

	/**
	 * BCrypt reads at most 72 bytes; a longer password would be silently cut, so refuse
	 * it.
	 */
	static final int MAX_BYTES = 72;

	private PasswordRules() {
	}

	static Optional<String> violation(String password) {
		if (password == null || password.isEmpty()) {
			return Optional.of("Choose a password.");
		}
		if (password.length() < MIN_LENGTH) {
			return Optional.of("A password needs at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("A password can have at most " + MAX_BYTES
					+ " bytes (fewer characters if it has accents or emoji).");
		}
		return Optional.empty();
	}

}
