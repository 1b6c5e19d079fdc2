package dev.paxoshub.home;

import java.security.Principal;

import dev.paxoshub.home.DashboardStream.TooManyWatchersException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The dashboard's and the story's errors as a page of the home, with the sentence that
 * says why.
 */
@ControllerAdvice(assignableTypes = { DashboardController.class, ChaosPageController.class, StoryPageController.class,
		CheckerReportController.class })
class HomePageProblems {

	static final String VIEW = "home/problem";

	@ExceptionHandler(NotOnTheHomeException.class)
	ModelAndView notFound(NotOnTheHomeException ex, Principal principal) {
		return page(HttpStatus.NOT_FOUND, ex.getMessage(), principal);
	}

	@ExceptionHandler(TooManyWatchersException.class)
	ModelAndView tooMany(TooManyWatchersException ex, Principal principal) {
		return page(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage(), principal);
	}

	private static ModelAndView page(HttpStatus status, String message, Principal principal) {
		ModelAndView page = new ModelAndView(VIEW, status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		page.addObject("operatorName", (principal != null) ? principal.getName() : null);
		return page;
	}

}
