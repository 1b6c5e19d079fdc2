package dev.paxoshub.consensus;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

public class UsernameTakenException extends ErrorResponseException {

	private final String username;

	public UsernameTakenException(String username) {
		super(HttpStatus.CONFLICT,
				ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Username " + username + " is already taken."),
				null);
		this.username = username;
	}

	public String getUsername() {
		return this.username;
	}

}
