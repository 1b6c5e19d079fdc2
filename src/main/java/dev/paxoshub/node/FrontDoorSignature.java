package dev.paxoshub.node;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import dev.paxoshub.node.ClusterKey.Purpose;

/**
 * The front door's word for where a request came from. The front door replaces whatever
 * {@code X-Forwarded-*} headers a client sent with its own and signs them, with the
 * method, the path and the time; a node trusts those headers (the client's address for
 * sign-in throttling, the host it was asked for) only under a fresh valid signature.
 * Anybody else who reaches a node directly is taken to be who their connection says.
 */
public final class FrontDoorSignature {

	public static final String HEADER = "X-Paxoshub-Front-Door";

	static final String PURPOSE = "front-door";

	/**
	 * What the signature vouches for: the forwarding headers nodes build links and limits
	 * from.
	 */
	public static final List<String> SIGNED_HEADERS = List.of("X-Forwarded-For", "X-Forwarded-Host",
			"X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix");

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final Purpose key;

	private final Clock clock;

	private final Duration maxAge;

	public FrontDoorSignature(Purpose key, Clock clock, Duration maxAge) {
		this.key = key;
		this.clock = clock;
		this.maxAge = maxAge;
	}

	/**
	 * For the front door, which is started with the cluster key but has no
	 * {@link NodeKeys}.
	 */
	public static FrontDoorSignature of(ClusterKey clusterKey, Clock clock, Duration maxAge) {
		return new FrontDoorSignature(clusterKey.forPurpose(PURPOSE), clock, maxAge);
	}

	/**
	 * @param headers the outgoing request's headers, by name
	 */
	public String sign(String method, String pathAndQuery, Function<String, String> headers) {
		long now = this.clock.millis();
		return now + ";" + BASE64.encodeToString(this.key.sign(canonical(now, method, pathAndQuery, headers)));
	}

	public boolean verify(String signature, String method, String pathAndQuery, Function<String, String> headers) {
		if (signature == null) {
			return false;
		}
		int separator = signature.indexOf(';');
		try {
			long sent = Long.parseLong(signature.substring(0, Math.max(separator, 0)));
			byte[] presented = Base64.getUrlDecoder().decode(signature.substring(separator + 1));
			return Math.abs(this.clock.millis() - sent) <= this.maxAge.toMillis()
					&& this.key.verify(canonical(sent, method, pathAndQuery, headers), presented);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String canonical(long ts, String method, String pathAndQuery, Function<String, String> headers) {
		List<String> parts = new ArrayList<>(List.of("v1", Long.toString(ts), method, pathAndQuery));
		SIGNED_HEADERS.forEach((name) -> parts.add(String.valueOf(headers.apply(name))));
		return String.join("\n", parts);
	}

}
