package dev.paxoshub.web;

import dev.paxoshub.node.PageLayout;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

	private final PageLayout layout;

	PageErrors(PageLayout layout) {
		this.layout = layout;
	}

	@ExceptionHandler(ErrorResponseException.class)
	ModelAndView known(ErrorResponseException ex, HttpServletRequest request, HttpServletResponse response) {
		ex.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		return page(ex.getStatusCode(), ex.getBody().getDetail(), request);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request) {
		return page(HttpStatus.CONTENT_TOO_LARGE, "That file is far too large: an avatar can be at most 1 MB.",
				request);
	}

	/** Exception handlers get no {@code @ModelAttribute}s, so the layout is added here. */
	private ModelAndView page(HttpStatusCode status, String message, HttpServletRequest request) {
		String view = switch (status.value()) {
			case 403, 404, 503 -> "error/" + status.value();
			default -> "error";
		};
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("error", (status instanceof HttpStatus known) ? known.getReasonPhrase() : "Error");
		page.addObject("message", message);
		page.addAllObjects(this.layout.attributes(request));
		return page;
	}

}
