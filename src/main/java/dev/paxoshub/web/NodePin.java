package dev.paxoshub.web;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.node.SiteCookies;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Lets a person choose which node the front door sends them to. The choice is only a
 * cookie that the front door reads; "auto" removes it and lets the load balancer choose
 * again. Choosing is a POST with the CSRF token: another site must not be able to move
 * someone to a node of its choice.
 */
@Controller
class NodePin {

	private final PaxoshubProperties properties;

	NodePin(PaxoshubProperties properties) {
		this.properties = properties;
	}

	@PostMapping("/pin")
	ResponseEntity<Void> pin(@RequestParam String node,
			@RequestHeader(name = HttpHeaders.REFERER, required = false) String referer) {
		// The layout's own spelling of the name, never the request's: only a known name
		// reaches the cookie.
		String pinned = this.properties.address(node).map((n) -> n.name().toLowerCase(Locale.ROOT)).orElse("");
		ResponseCookie cookie = ResponseCookie.from(this.properties.cluster().cookie(SiteCookies.PIN), pinned)
			.path("/")
			.sameSite("Lax")
			.maxAge(pinned.isEmpty() ? Duration.ZERO : Duration.ofDays(30))
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
