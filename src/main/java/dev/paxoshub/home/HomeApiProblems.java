package dev.paxoshub.home;

import dev.paxoshub.story.HomeRefusedException;
import dev.paxoshub.story.InvalidScenarioException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The home API's errors as problem details, with the sentence a node or the home gave.
 */
@RestControllerAdvice(annotations = RestController.class)
class HomeApiProblems extends ResponseEntityExceptionHandler {

	/** Every error of the file, by line, so its author can fix them all at once. */
	@ExceptionHandler(InvalidScenarioException.class)
	ResponseEntity<ProblemDetail> invalidScenario(InvalidScenarioException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The scenario has "
				+ ex.errors().size() + ((ex.errors().size() == 1) ? " error" : " errors") + "; nothing was played.");
		problem.setProperty("errors", ex.errors());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(HomeRefusedException.class)
	ResponseEntity<ProblemDetail> homeRefused(HomeRefusedException ex) {
		HttpStatus status = HttpStatus.resolve(ex.status());
		HttpStatus answered = (status != null && status.isError()) ? status : HttpStatus.BAD_GATEWAY;
		return ResponseEntity.status(answered).body(ProblemDetail.forStatusAndDetail(answered, ex.getMessage()));
	}

	@ExceptionHandler(ChaosRefusedException.class)
	ResponseEntity<ProblemDetail> refused(ChaosRefusedException ex) {
		HttpStatus status = HttpStatus.resolve(ex.status());
		HttpStatus answered = (status != null && status.isError()) ? status : HttpStatus.BAD_GATEWAY;
		return ResponseEntity.status(answered).body(ProblemDetail.forStatusAndDetail(answered, ex.getMessage()));
	}

}
