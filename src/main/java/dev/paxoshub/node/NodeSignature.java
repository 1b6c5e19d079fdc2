package dev.paxoshub.node;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paxoshub.node.ClusterKey.Purpose;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Proof that a call comes from a node of this cluster, without the key ever leaving the
 * node: an HMAC over who sends, when, a one-time nonce, the method, the path with its
 * query, and a digest of the body. The receiver refuses a call whose time is more than
 * {@code paxoshub.cluster.signature-max-age} away from its own clock, and a nonce it has
 * seen within that time, so a captured call can neither be altered nor replayed.
 */
@Component
public class NodeSignature {

	public static final String HEADER = "X-Paxoshub-Signature";

	static final String PURPOSE = "node-to-node";

	private static final String VERSION = "v1";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final Purpose key;

	private final String self;

	private final Clock clock;

	private final Duration maxAge;

	/**
	 * Nonces of the calls accepted lately; a nonce older than twice the maximum age is
	 * refused anyway.
	 */
	private final Cache<String, Boolean> seen;

	NodeSignature(NodeKeys keys, NodeIdentity node, Clock clock, PaxoshubProperties properties) {
		this.key = keys.nodeToNode();
		this.self = node.name();
		this.clock = clock;
		this.maxAge = properties.cluster().signatureMaxAge();
		this.seen = Caffeine.newBuilder().expireAfterWrite(this.maxAge.multipliedBy(2)).build();
	}

	/** The header value for a call this node is about to send. */
	public String sign(String method, String pathAndQuery, byte[] body) {
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		long now = this.clock.millis();
		String nonceText = BASE64.encodeToString(nonce);
		String signature = BASE64
			.encodeToString(this.key.sign(canonical(this.self, now, nonceText, method, pathAndQuery, body)));
		return VERSION + ";node=" + this.self + ";ts=" + now + ";nonce=" + nonceText + ";sig=" + signature;
	}

	/** Whether a received call carries a valid signature, fresh and never seen before. */
	public Check check(String header, String method, String pathAndQuery, byte[] body) {
		if (header == null || header.isBlank()) {
			return Check.refused("The call carries no node signature.");
		}
		Map<String, String> fields = parse(header);
		String node = fields.get("node");
		String ts = fields.get("ts");
		String nonce = fields.get("nonce");
		String sig = fields.get("sig");
		if (!header.startsWith(VERSION + ";") || node == null || ts == null || nonce == null || sig == null) {
			return Check.refused("The node signature is malformed.");
		}
		long sent;
		byte[] presented;
		try {
			sent = Long.parseLong(ts);
			presented = Base64.getUrlDecoder().decode(sig);
		}
		catch (IllegalArgumentException ex) {
			return Check.refused("The node signature is malformed.");
		}
		if (Math.abs(this.clock.millis() - sent) > this.maxAge.toMillis()) {
			return Check.refused("The node signature is too old (or from a clock far off this node's).");
		}
		if (!this.key.verify(canonical(node, sent, nonce, method, pathAndQuery, body), presented)) {
			return Check.refused("The node signature does not match the call.");
		}
		if (this.seen.asMap().putIfAbsent(node + "/" + nonce, Boolean.TRUE) != null) {
			return Check.refused("The call was received before; a replayed call is refused.");
		}
		return new Check(true, node, null);
	}

	/** The path and query exactly as received, which is what the sender signed. */
	public static String pathAndQuery(HttpServletRequest request) {
		return (request.getQueryString() != null) ? request.getRequestURI() + "?" + request.getQueryString()
				: request.getRequestURI();
	}

	private static String canonical(String node, long ts, String nonce, String method, String pathAndQuery,
			byte[] body) {
		return String.join("\n", VERSION, node, Long.toString(ts), nonce, method, pathAndQuery,
				BASE64.encodeToString(sha256(body)));
	}

	private static byte[] sha256(byte[] body) {
		try {
			return MessageDigest.getInstance("SHA-256").digest((body != null) ? body : new byte[0]);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static Map<String, String> parse(String header) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String part : header.split(";")) {
			int equals = part.indexOf('=');
			if (equals > 0) {
				fields.putIfAbsent(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
			}
		}
		return fields;
	}

	/**
	 * @param valid whether the signature holds
	 * @param node who signed it, when valid
	 * @param problem why it was refused, as a sentence, when not valid
	 */
	public record Check(boolean valid, String node, String problem) {

		static Check refused(String problem) {
			return new Check(false, null, problem);
		}

	}

}
