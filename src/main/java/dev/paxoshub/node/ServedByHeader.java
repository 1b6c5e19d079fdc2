package dev.paxoshub.node;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the node in every response, so a client behind the front door knows who answered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServedByHeader extends OncePerRequestFilter {

	public static final String NAME = "X-Paxoshub-Served-By";

	private final NodeIdentity node;

	ServedByHeader(NodeIdentity node) {
		this.node = node;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(NAME, this.node.name());
		chain.doFilter(request, response);
	}

}
