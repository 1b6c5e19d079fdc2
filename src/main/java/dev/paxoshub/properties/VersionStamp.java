package dev.paxoshub.properties;

/**
 * How a version of an account is named across nodes: {@code <revision>@<node that wrote
 * it>@<epoch millis>}, for example {@code 3@neo@1764626400000}. Two versions with the
 * same revision written by different nodes (consensus OFF) have different stamps.
 */
public final class VersionStamp {

	private VersionStamp() {
	}

	public static String of(long revision, String writer, long epochMillis) {
		return revision + "@" + writer + "@" + epochMillis;
	}

}
