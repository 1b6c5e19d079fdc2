package dev.paxoshub.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The serving node holds no account under this name, whatever other nodes may know. */
public class AccountNotFoundException extends ErrorResponseException {

	public AccountNotFoundException(String username) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"There is no account named " + username + " on this node."), null);
	}

}
