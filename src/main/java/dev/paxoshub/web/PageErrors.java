package dev.paxoshub.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Errors raised while serving a page become a page that says what happened, never a stack trace. */
@ControllerAdvice
class PageErrors {

	@ExceptionHandler(ErrorResponseException.class)
	ModelAndView known(ErrorResponseException ex) {
		return page(ex.getStatusCode(), ex.getBody().getDetail());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge() {
		return page(HttpStatus.CONTENT_TOO_LARGE, "That file is far too large: an avatar can be at most 1 MB.");
	}

	static ModelAndView page(HttpStatusCode status, String message) {
		String view = switch (status.value()) {
			case 403, 404, 503 -> "error/" + status.value();
			default -> "error";
		};
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("error", (status instanceof HttpStatus known) ? known.getReasonPhrase() : "Error");
		page.addObject("message", message);
		return page;
	}

}
