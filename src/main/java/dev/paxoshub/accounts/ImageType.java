package dev.paxoshub.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The picture formats an avatar may have, recognised by their first bytes. The file name
 * and the browser's declared type are the sender's claims; the bytes are what a browser
 * will render.
 */
enum ImageType {

	PNG("image/png"), JPEG("image/jpeg"), GIF("image/gif"), WEBP("image/webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] JPEG_SIGNATURE = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private final String contentType;

	ImageType(String contentType) {
		this.contentType = contentType;
	}

	String contentType() {
		return this.contentType;
	}

	static Optional<ImageType> detect(byte[] bytes) {
		if (startsWith(bytes, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, JPEG_SIGNATURE)) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) {
			return Optional.of(GIF);
		}
		if (bytes.length >= 12 && startsWith(bytes, ascii("RIFF"))
				&& Arrays.equals(bytes, 8, 12, ascii("WEBP"), 0, 4)) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
