package dev.paxoshub.web;

import java.util.Locale;
import java.util.Map;

import dev.paxoshub.consensus.ConcurrentChangeException;
import dev.paxoshub.consensus.ConsensusRefusedException;
import dev.paxoshub.consensus.ConsensusUnavailableException;
import dev.paxoshub.consensus.UsernameTakenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised while serving a page become a page that says what happened, never a stack
 * trace.
 */
@ControllerAdvice
class PageErrors implements ErrorViewResolver {

	private static final String FILE_TOO_LARGE = "That file is far too large: an avatar can be at most 1 MB.";

	private static final String FORM_TOO_LARGE = "That form is far too large to send.";

	private final PageLayout layout;

	private final ConsensusAnswers answers;

	PageErrors(PageLayout layout, ConsensusAnswers answers) {
		this.answers = answers;
		this.layout = layout;
	}

	@ExceptionHandler(ErrorResponseException.class)
	ModelAndView known(ErrorResponseException ex, HttpServletRequest request, HttpServletResponse response) {
		ex.getHeaders().forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		return page(ex.getStatusCode(), ex.getBody().getDetail(), request);
	}

	@ExceptionHandler({ ConsensusUnavailableException.class, UsernameTakenException.class,
			ConcurrentChangeException.class, ConsensusRefusedException.class })
	ModelAndView consensus(RuntimeException ex, HttpServletRequest request, HttpServletResponse response) {
		return known(this.answers.of(ex), request, response);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request) {
		return page(HttpStatus.CONTENT_TOO_LARGE, FILE_TOO_LARGE, request);
	}

	/**
	 * Errors the servlet container sends to its error page get the same pages: a path
	 * nothing answers, a refusal by a filter, and a form over the size limits. That last
	 * one is mostly refused before any controller, because Spring Security's CSRF filter
	 * looks for its token among the form's fields and so makes the container read the
	 * form, which never reaches {@link #tooLarge}. Boot's error controller asks this
	 * resolver for the page (and, with one declared, no longer uses its own).
	 */
	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		return page(status, (status == HttpStatus.CONTENT_TOO_LARGE) ? tooLargeMessage(request) : null, request);
	}

	private static String tooLargeMessage(HttpServletRequest request) {
		String type = request.getContentType();
		boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
		return upload ? FILE_TOO_LARGE : FORM_TOO_LARGE;
	}

	/**
	 * Exception handlers get no {@code @ModelAttribute}s, so the layout is added here.
	 */
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
