package dev.paxoshub.node;

/**
 * The names of the cookies a cluster's site sets. A browser sends a host's cookies to
 * every port of it, so when clusters run side by side on one host (the demo's {@code off}
 * and {@code on}), each cluster's cookies carry its name: signing in to one site must not
 * sign you out of the other.
 */
public final class SiteCookies {

	public static final String SIGN_IN = "paxoshub-signin";

	public static final String CSRF = "XSRF-TOKEN";

	/**
	 * Which node the front door should send a person to; set by the pages, read by the
	 * front door.
	 */
	public static final String PIN = "paxoshub-node";

	private SiteCookies() {
	}

	/**
	 * {@code paxoshub-signin-on} for cluster "on"; the plain name for a cluster without
	 * one.
	 */
	public static String named(String base, String cluster) {
		return (cluster != null && !cluster.isBlank()) ? base + "-" + cluster : base;
	}

}
