package dev.paxoshub.node;

/**
 * The headers a node's answer carries when it committed an account change, so that
 * whoever passes the answer on (the front door) can keep a record of what the cluster
 * acknowledged.
 */
public final class WrittenHeaders {

	public static final String ACCOUNT = "X-Paxoshub-Account";

	public static final String USERNAME = "X-Paxoshub-Username";

	/** The version the write made: {@code revision@writer@epochMillis}. */
	public static final String STAMP = "X-Paxoshub-Stamp";

	public static final String SERVED_BY = ServedByHeader.NAME;

	private WrittenHeaders() {
	}

}
