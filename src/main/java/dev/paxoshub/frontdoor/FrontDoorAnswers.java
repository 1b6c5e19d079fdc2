package dev.paxoshub.frontdoor;

import java.nio.charset.StandardCharsets;

import dev.paxoshub.frontdoor.UnreachableNodeDetector.NodeUnreachableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What the front door says itself when no node answered: one short sentence, as a page
 * for people or as {@code application/problem+json} for clients that ask for JSON, and
 * never a stack trace.
 */
class FrontDoorAnswers implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	static final String NO_NODE_UP = "No paxoshub node is up right now. Try again in a moment.";

	static final String NODE_FAILED = "The paxoshub node working on your request stopped answering, "
			+ "so it may or may not have been done. Check before you try again.";

	private static final Logger log = LoggerFactory.getLogger(FrontDoorAnswers.class);

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		try {
			return next.handle(request);
		}
		catch (Exception failure) {
			if (noNodeTookTheRequest(failure)) {
				return answer(HttpStatus.SERVICE_UNAVAILABLE, NO_NODE_UP, request);
			}
			ResourceAccessException brokenExchange = causeOf(failure, ResourceAccessException.class);
			if (brokenExchange != null) {
				log.warn("A node failed to answer {} {}: {}", request.method(), request.path(),
						brokenExchange.getMessage());
				return answer(HttpStatus.BAD_GATEWAY, NODE_FAILED, request);
			}
			throw failure;
		}
	}

	/**
	 * Every node was unreachable, or none was live to begin with: LoadBalancer then finds
	 * no instance, which the gateway reports as a 503.
	 */
	private static boolean noNodeTookTheRequest(Exception failure) {
		HttpServerErrorException noInstance = causeOf(failure, HttpServerErrorException.class);
		return causeOf(failure, NodeUnreachableException.class) != null
				|| (noInstance != null && noInstance.getStatusCode().isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE));
	}

	/** Failures reach the front door wrapped, by the retry among others. */
	private static <T extends Throwable> @Nullable T causeOf(Exception failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static ServerResponse answer(HttpStatus status, String message, ServerRequest request) {
		if (asksForJson(request)) {
			return ServerResponse.status(status)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemDetail.forStatusAndDetail(status, message));
		}
		return ServerResponse.status(status).contentType(HTML).body(page(status, message));
	}

	private static boolean asksForJson(ServerRequest request) {
		return request.headers()
			.accept()
			.stream()
			.anyMatch((type) -> "json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix()));
	}

	private static String page(HttpStatus status, String message) {
		return """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><title>paxoshub: %s</title></head>
				<body><h1>%s</h1><p>%s</p></body>
				</html>
				""".formatted(status.getReasonPhrase(), status.getReasonPhrase(), message);
	}

}
