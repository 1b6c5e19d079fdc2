package dev.paxoshub.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.paxoshub.node.PeerClient;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Admits node-to-node calls only from holders of the shared cluster secret. */
class ClusterSecretFilter extends OncePerRequestFilter {

	private final byte[] secret;

	private final String node;

	ClusterSecretFilter(String secret, String node) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.node = node;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(PeerClient.SECRET_HEADER);
		if (presented == null || !MessageDigest.isEqual(this.secret, presented.getBytes(StandardCharsets.UTF_8))) {
			ProblemWriter.write(response, HttpStatus.FORBIDDEN, "This endpoint is for paxoshub nodes only.", this.node);
			return;
		}
		chain.doFilter(request, response);
	}

}
