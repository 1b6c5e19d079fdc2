package dev.paxoshub.consensus;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A write that consensus could not confirm. The message says which of the two honest answers it
 * is: nothing was sent because the node knew it had no majority, or the write was sent and its
 * outcome is unknown until the cluster heals.
 */
public class ConsensusUnavailableException extends ErrorResponseException {

	private static final String RETRY_AFTER_SECONDS = "5";

	private ConsensusUnavailableException(String detail) {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail),
				null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
	}

	/** The node did not send the write: it knew it could not reach a majority. */
	public static ConsensusUnavailableException noMajority(String node) {
		return new ConsensusUnavailableException(
				node + " cannot reach a majority of the cluster; nothing was changed. Try again in a moment.");
	}

	/** The node cannot even read what the majority agreed on, so it will not show possibly stale data. */
	public static ConsensusUnavailableException cannotRead(String node) {
		return new ConsensusUnavailableException(node
				+ " cannot reach a majority of the cluster, so it cannot tell whether what it holds is current. Try again in a moment.");
	}

	/** The write was sent but not confirmed in time; it may still be applied once the cluster heals. */
	public static ConsensusUnavailableException outcomeUnknown(String node) {
		return new ConsensusUnavailableException(node
				+ " sent your change to the cluster but could not confirm it in time. It may or may not have been applied: check again in a moment before you repeat it.");
	}

}
