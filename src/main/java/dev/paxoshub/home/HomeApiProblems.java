package dev.paxoshub.home;

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

	@ExceptionHandler(ChaosRefusedException.class)
	ResponseEntity<ProblemDetail> refused(ChaosRefusedException ex) {
		HttpStatus status = HttpStatus.resolve(ex.status());
		HttpStatus answered = (status != null && status.isError()) ? status : HttpStatus.BAD_GATEWAY;
		return ResponseEntity.status(answered).body(ProblemDetail.forStatusAndDetail(answered, ex.getMessage()));
	}

}
