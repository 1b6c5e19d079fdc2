package dev.paxoshub.support;

import java.util.Base64;

/** Pictures for avatar tests. */
public final class Images {

	/** A valid one-pixel PNG. */
	public static final byte[] TINY_PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	private Images() {
	}

}
