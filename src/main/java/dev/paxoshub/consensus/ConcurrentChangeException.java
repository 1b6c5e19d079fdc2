package dev.paxoshub.consensus;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Someone changed the account between the moment it was read and the moment the change was agreed. */
public class ConcurrentChangeException extends ErrorResponseException {

	public ConcurrentChangeException(String username) {
		super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The account " + username
				+ " was changed elsewhere at the same moment. Nothing was saved: reload and try again."), null);
	}

}
