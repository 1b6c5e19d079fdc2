package dev.paxoshub.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the servlet container sends its own errors. A client that asks
 * for it has no error to be shown, and Boot's error controller, finding no status, would
 * answer 500: to a client it is a page that does not exist. The container's error
 * dispatches do not pass here ({@link OncePerRequestFilter} leaves them alone).
 */
@Component
class ErrorPathNotFound extends OncePerRequestFilter {

	private final String errorPath;

	ErrorPathNotFound(@Value("${server.error.path:/error}") String errorPath) {
		this.errorPath = errorPath;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().equals(request.getContextPath() + this.errorPath);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
