package dev.paxoshub.web;

import dev.paxoshub.consensus.ConsensusUnavailableException;
import dev.paxoshub.node.Refusals;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * How consensus's refusals are answered over HTTP, pages and API alike: a node that
 * cannot reach a majority answers 503 with a time to try again; a taken name, a
 * concurrent change or a request this node will not carry out in its mode answers 409.
 * The sentence is the refusal's own.
 */
@Component
public class ConsensusAnswers {

	/**
	 * Long enough for an election or a node's return, short enough to be worth waiting
	 * for.
	 */
	static final String RETRY_AFTER_SECONDS = "5";

	private final Refusals refusals;

	ConsensusAnswers(Refusals refusals) {
		this.refusals = refusals;
	}

	/** Also counts a refusal for want of a majority, for the dashboard. */
	ErrorResponseException of(RuntimeException refusal) {
		boolean unavailable = refusal instanceof ConsensusUnavailableException;
		if (unavailable) {
			this.refusals.refused(refusal.getMessage());
		}
		HttpStatus status = unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.CONFLICT;
		ErrorResponseException answer = new ErrorResponseException(status,
				ProblemDetail.forStatusAndDetail(status, refusal.getMessage()), refusal);
		if (unavailable) {
			answer.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return answer;
	}

}
