package dev.paxoshub.node;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.RelativeRedirectFilter;

/**
 * Applies the {@code X-Forwarded-*} headers of a request the front door signed
 * ({@link FrontDoorSignature}), and removes them from any other, before anything (sign-in
 * throttling included) reads the client's address. Redirects are sent relative, so their
 * {@code Location} never depends on the host a request named.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ForwardedByFrontDoor extends OncePerRequestFilter {

	private final FrontDoorSignature signature;

	private final ForwardedHeaderFilter trust = new ForwardedHeaderFilter();

	private final ForwardedHeaderFilter strip = new ForwardedHeaderFilter();

	/**
	 * Innermost, so that a redirect is never built from a Host a client named, forwarded
	 * or not.
	 */
	private final RelativeRedirectFilter relative = new RelativeRedirectFilter();

	ForwardedByFrontDoor(NodeKeys keys, Clock clock, PaxoshubProperties properties) {
		this.signature = new FrontDoorSignature(keys.frontDoor(), clock, properties.cluster().signatureMaxAge());
		this.strip.setRemoveOnly(true);
		this.relative.setRedirectStatus(HttpStatus.FOUND);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean fromFrontDoor = this.signature.verify(request.getHeader(FrontDoorSignature.HEADER), request.getMethod(),
				NodeSignature.pathAndQuery(request), request::getHeader);
		(fromFrontDoor ? this.trust : this.strip).doFilter(request, response,
				(forwarded, answer) -> this.relative.doFilter(forwarded, answer, chain));
	}

}
