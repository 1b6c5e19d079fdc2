package dev.paxoshub.node;

import java.net.URI;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Lets a person choose which node the front door sends them to. The choice is only a cookie that
 * the front door reads; "auto" removes it and lets the load balancer choose again.
 */
@Controller
class NodePin {

	static final String COOKIE = "paxoshub-node";

	private final PaxoshubProperties properties;

	NodePin(PaxoshubProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/pin/{node}")
	ResponseEntity<Void> pin(@PathVariable String node, @RequestHeader(name = HttpHeaders.REFERER, required = false) String referer,
			HttpServletResponse response) {
		boolean known = this.properties.address(node).isPresent();
		ResponseCookie cookie = ResponseCookie.from(COOKIE, known ? node.toLowerCase() : "")
			.path("/")
			.sameSite("Lax")
			.maxAge(known ? Duration.ofDays(30) : Duration.ZERO)
			.build();
		return ResponseEntity.status(303)
			.header(HttpHeaders.SET_COOKIE, cookie.toString())
			.location(URI.create(backTo(referer)))
			.build();
	}

	/** Only the path of the referring page, so the redirect can never leave the site. */
	private static String backTo(String referer) {
		try {
			String path = (referer != null) ? URI.create(referer).getRawPath() : null;
			return (path != null && path.startsWith("/") && !path.startsWith("//")) ? path : "/";
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

}
