package dev.paxoshub.markdown;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A README that pages could not show, refused when it is written rather than discovered
 * on every view; or one that could not be checked because the node's renderers were all
 * busy.
 */
public class UnrenderableReadmeException extends ErrorResponseException {

	private UnrenderableReadmeException(HttpStatus status, String message) {
		super(status, ProblemDetail.forStatusAndDetail(status, message), null);
	}

	public static UnrenderableReadmeException because(String failure) {
		return new UnrenderableReadmeException(HttpStatus.BAD_REQUEST,
				"This README cannot be shown: " + failure + ". Simplify it and try again.");
	}

	static UnrenderableReadmeException busy() {
		return new UnrenderableReadmeException(HttpStatus.SERVICE_UNAVAILABLE,
				"This node is busy rendering other READMEs, so yours was not saved. Try again in a moment.");
	}

}
