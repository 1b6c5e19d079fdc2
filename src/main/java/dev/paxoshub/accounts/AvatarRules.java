package dev.paxoshub.accounts;

import java.io.IOException;
import java.io.InputStream;
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

	/**
	 * Reads an upload that arrives as a request body, and never more of it than an avatar
	 * can be: a declared length over the limit is refused before anything is read, and
	 * reading stops one byte past the limit.
	 * @param declaredLength the body's Content-Length, or -1 if it did not say
	 */
	static Avatar read(InputStream body, long declaredLength) throws IOException {
		if (declaredLength > MAX_BYTES) {
			throw tooLarge(sizeOf(declaredLength));
		}
		byte[] bytes = body.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw tooLarge("larger");
		}
		return check(bytes);
	}

	static Avatar check(byte[] bytes) {
		if (bytes.length == 0) {
			throw new InvalidAvatarException(HttpStatus.BAD_REQUEST, "The chosen file is empty.");
		}
		if (bytes.length > MAX_BYTES) {
			throw tooLarge(sizeOf(bytes.length));
		}
		ImageType type = ImageType.detect(bytes)
			.orElseThrow(() -> new InvalidAvatarException(HttpStatus.BAD_REQUEST,
					"An avatar must be a PNG, JPEG, GIF or WebP image."));
		return new Avatar(type.contentType(), bytes);
	}

	private static InvalidAvatarException tooLarge(String size) {
		return new InvalidAvatarException(HttpStatus.CONTENT_TOO_LARGE,
				"An avatar can be at most 1 MB; this file is " + size + ".");
	}

	private static String sizeOf(long bytes) {
		return String.format(Locale.ROOT, "%.2f", bytes / (1024.0 * 1024.0)) + " MB";
	}

	static class InvalidAvatarException extends ErrorResponseException {

		InvalidAvatarException(HttpStatus status, String message) {
			super(status, ProblemDetail.forStatusAndDetail(status, message), null);
		}

	}

}
