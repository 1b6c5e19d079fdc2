package dev.paxoshub.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A change that needs the current password was asked with another one. */
public class WrongPasswordException extends ErrorResponseException {

	static final String MESSAGE = "That is not your current password. Nothing was changed.";

	WrongPasswordException() {
		super(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, MESSAGE), null);
	}

}
