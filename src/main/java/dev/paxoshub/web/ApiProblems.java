package dev.paxoshub.web;

import java.util.List;
import java.util.Map;

import dev.paxoshub.consensus.ConcurrentChangeException;
import dev.paxoshub.consensus.ConsensusRefusedException;
import dev.paxoshub.consensus.ConsensusUnavailableException;
import dev.paxoshub.consensus.UsernameTakenException;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.web.StrictJsonRequests.BodyTooLargeException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem detail that names the node that answered, with
 * one entry per broken rule for validation errors.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private final NodeIdentity node;

	private final ConsensusAnswers answers;

	ApiProblems(NodeIdentity node, ConsensusAnswers answers) {
		this.answers = answers;
		this.node = node;
	}

	@ExceptionHandler({ ConsensusUnavailableException.class, UsernameTakenException.class,
			ConcurrentChangeException.class, ConsensusRefusedException.class })
	ResponseEntity<Object> consensus(RuntimeException ex, WebRequest request) {
		ErrorResponseException answer = this.answers.of(ex);
		return handleExceptionInternal(answer, answer.getBody(), answer.getHeaders(), answer.getStatusCode(), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.isEmpty() ? "The request is not valid." : errors.get(0).get("message"));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Says what is wrong with the JSON, naming the field, rather than only that it could
	 * not be read.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLargeException tooLarge = cause(ex, BodyTooLargeException.class);
		if (tooLarge != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					tooLarge.getMessage());
			return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = fieldProblem(ex);
		if (problem == null) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The request body is missing or is not valid JSON.");
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static ProblemDetail fieldProblem(HttpMessageNotReadableException ex) {
		UnrecognizedPropertyException unknown = cause(ex, UnrecognizedPropertyException.class);
		if (unknown != null) {
			List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
			return invalid(path(unknown),
					path(unknown) + " is not a field of this request; it has " + String.join(", ", known) + ".");
		}
		MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
		if (mismatch != null && !mismatch.getPath().isEmpty()) {
			return invalid(path(mismatch),
					(mismatch.getTargetType() == String.class) ? path(mismatch) + " must be text, in double quotes."
							: path(mismatch) + " has a value of the wrong kind.");
		}
		// Jackson has no exception type of its own for a field sent twice, only this
		// message.
		StreamReadException broken = cause(ex, StreamReadException.class);
		if (broken != null && broken.processor() != null && broken.getOriginalMessage().startsWith("Duplicate")) {
			String field = broken.processor().currentName();
			return invalid(field, field + " appears more than once; send each field once.");
		}
		return null;
	}

	private static ProblemDetail invalid(String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	/**
	 * The field as a person would point at it: {@code profile.name},
	 * {@code repos[2].name}.
	 */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			problem.setProperty("node", this.node.name());
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

}
