package dev.paxoshub.node;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A shared secret of the cluster, checked once when a process starts. A process never
 * runs on a key anybody could know: a missing key, one shorter than {@link #MIN_BYTES},
 * or the value older versions of paxoshub shipped as their default stops it with a
 * message that names the property to set. Each use gets a key of its own derived from the
 * secret, so a signature made for one purpose is worthless for any other.
 */
public final class ClusterKey {

	public static final int MIN_BYTES = 32;

	/**
	 * What paxoshub once shipped in application.yml; anybody can read it, so it is
	 * refused.
	 */
	static final String RETIRED_DEMO_VALUE = "paxoshub-demo-secret-change-me";

	private static final String HMAC = "HmacSHA256";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] secret;

	private ClusterKey(byte[] secret) {
		this.secret = secret;
	}

	/**
	 * @param property the property the value came from, named in the refusal
	 * @throws UnsafeKeyException when the value is missing, short or publicly known
	 */
	public static ClusterKey of(String property, String value) {
		if (value == null || value.isBlank()) {
			throw new UnsafeKeyException(property, "is not set");
		}
		if (value.equals(RETIRED_DEMO_VALUE)) {
			throw new UnsafeKeyException(property, "is the old demo value that anybody can read");
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_BYTES) {
			throw new UnsafeKeyException(property, "has " + bytes.length + " bytes; it needs at least " + MIN_BYTES);
		}
		return new ClusterKey(bytes);
	}

	/**
	 * A fresh random value for a key, for the one-JVM demo that makes its own keys per
	 * run.
	 */
	public static String random() {
		byte[] bytes = new byte[MIN_BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A key for one purpose only, such as {@code "node-to-node"}, derived from this
	 * secret.
	 */
	public Purpose forPurpose(String purpose) {
		return new Purpose(hmac(new SecretKeySpec(this.secret, HMAC), purpose.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Two properties holding the same secret would let one purpose stand in for the
	 * other.
	 */
	public boolean sameAs(ClusterKey other) {
		return MessageDigest.isEqual(this.secret, other.secret);
	}

	private static byte[] hmac(SecretKeySpec key, byte[] message) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/** HMAC-SHA256 under a derived key; safe to share between threads. */
	public static final class Purpose {

		private final SecretKeySpec key;

		private Purpose(byte[] derived) {
			this.key = new SecretKeySpec(derived, HMAC);
		}

		public byte[] sign(byte[] message) {
			return hmac(this.key, message);
		}

		public byte[] sign(String message) {
			return sign(message.getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * Compares in constant time, so a forger learns nothing from how long a refusal
		 * takes.
		 */
		public boolean verify(String message, byte[] signature) {
			return signature != null && MessageDigest.isEqual(sign(message), signature);
		}

	}

	/**
	 * A key a process must not run with; Boot reports it as a failed start with what to
	 * do.
	 */
	public static class UnsafeKeyException extends IllegalStateException {

		private final String property;

		public UnsafeKeyException(String property, String problem) {
			super(property + " " + problem + ".");
			this.property = property;
		}

		public String property() {
			return this.property;
		}

	}

}
