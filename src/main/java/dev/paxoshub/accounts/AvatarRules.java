package dev.paxoshub.accounts;

import java.util.Locale;

import dev.paxoshub.store.Avatar;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Turns uploaded bytes into an avatar, or explains why they cannot be one. */
final class AvatarRules {

	static final int MAX_BYTES = 1024 * 1024;

	private AvatarRules() {
	}

	static Avatar check(byte[] bytes) {
		if (bytes.length == 0) {
			throw new InvalidAvatarException("The chosen file is empty.");
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidAvatarException("An avatar can be at most 1 MB; this file is "
					+ String.format(Locale.ROOT, "%.2f", bytes.length / (1024.0 * 1024.0)) + " MB.");
		}
		ImageType type = ImageType.detect(bytes)
			.orElseThrow(() -> new InvalidAvatarException("An avatar must be a PNG, JPEG, GIF or WebP image."));
		return new Avatar(type.contentType(), bytes);
	}

	static class InvalidAvatarException extends ErrorResponseException {

		InvalidAvatarException(String message) {
			super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message), null);
		}

	}

}
