package dev.paxoshub.security;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import dev.paxoshub.node.Links;
import dev.paxoshub.node.NodeSignature;
import dev.paxoshub.node.NodeSignature.Check;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits a node-to-node call only with a valid, fresh, never-seen signature of its
 * method, path and body ({@link NodeSignature}). The body is read here, once and bounded,
 * so that the digest covers exactly the bytes the endpoint will read.
 */
class NodeSignatureFilter extends OncePerRequestFilter {

	/** An account with a full avatar and many READMEs fits well within this. */
	static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private final NodeSignature signature;

	private final String node;

	private final Links links;

	NodeSignatureFilter(NodeSignature signature, Links links, String node) {
		this.signature = signature;
		this.links = links;
		this.node = node;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = (request.getContentLengthLong() > MAX_BODY_BYTES) ? null : readBounded(request.getInputStream());
		if (body == null) {
			ProblemWriter.write(response, HttpStatus.CONTENT_TOO_LARGE, "A node-to-node call can carry at most 16 MB.",
					this.node);
			return;
		}
		Check check = this.signature.check(request.getHeader(NodeSignature.HEADER), request.getMethod(),
				NodeSignature.pathAndQuery(request), body);
		if (!check.valid()) {
			ProblemWriter.write(response, HttpStatus.FORBIDDEN,
					"This endpoint is for paxoshub nodes only. " + check.problem(), this.node);
			return;
		}
		if (!this.links.canExchangeWith(check.node())) {
			// The caller's link is cut by chaos: as far as it can tell, this node is not
			// there.
			this.links.count(check.node(), "replica", "dropped");
			ProblemWriter.write(response, HttpStatus.SERVICE_UNAVAILABLE, "The link from " + check.node() + " is cut.",
					this.node);
			return;
		}
		this.links.count(check.node(), "replica", "received");
		chain.doFilter(new ReadBody(request, body), response);
	}

	/**
	 * @return the body, or null when it is longer than the limit
	 */
	private static byte[] readBounded(InputStream in) throws IOException {
		byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
		return (body.length > MAX_BODY_BYTES) ? null : body;
	}

	/**
	 * The request with its body already read, so the endpoint reads the same bytes again.
	 */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("node-to-node calls are read synchronously");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
