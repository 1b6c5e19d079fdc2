package dev.paxoshub.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Someone signed in tried to change an account that is not theirs. */
public class NotOwnerException extends ErrorResponseException {

	public NotOwnerException(String username) {
		super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Only " + username + " can change this account."), null);
	}

	/**
	 * @throws NotOwnerException unless the signed-in user owns the account named
	 * {@code username}
	 */
	public static void check(String signedIn, String username) {
		if (signedIn == null || !signedIn.equalsIgnoreCase(username)) {
			throw new NotOwnerException(username);
		}
	}

}
