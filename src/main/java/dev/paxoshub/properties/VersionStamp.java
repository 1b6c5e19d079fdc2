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

	/**
	 * The revision a stamp names, or -1 for a stamp that does not have this shape (it
	 * comes from another process, and a dashboard should not fail on it).
	 */
	public static long revisionOf(String stamp) {
		int end = stamp.indexOf('@');
		try {
			return Long.parseLong((end < 0) ? stamp : stamp.substring(0, end));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
