package dev.paxoshub.home;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** The home API's refusals, in the RFC 9457 shape every paxoshub API answers in. */
final class HomeProblems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HomeProblems() {
	}

	static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"paxoshub home\"");
			write(response, HttpStatus.UNAUTHORIZED,
					"Only the operator can break nodes on purpose. Sign in with HTTP Basic as the operator to do this.");
		};
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(response, HttpStatus.FORBIDDEN,
				"Only the operator can break nodes on purpose.");
	}

	static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(JSON.writeValueAsString(problem));
	}

}
