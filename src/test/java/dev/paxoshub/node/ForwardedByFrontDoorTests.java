package dev.paxoshub.node;

import java.time.Clock;
import java.util.Map;

import dev.paxoshub.support.TestProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node believes {@code X-Forwarded-*} only from the front door: what a client sends
 * straight to a node's port cannot make it think the request came from elsewhere (the
 * sign-in throttle counts per client address) nor for another host.
 */
class ForwardedByFrontDoorTests {

	private static final String KEY = "the-cluster-key-0123456789abcdefghij";

	private final PaxoshubProperties properties = TestProperties.paxoshub(
			Map.of("node", "neo", "cluster.key", KEY, "cluster.sign-in-key", "a-different-sign-in-key-0123456789"));

	private final ForwardedByFrontDoor filter = new ForwardedByFrontDoor(new NodeKeys(this.properties),
			Clock.systemUTC(), this.properties);

	@Test
	void forwardingHeadersFromAnyoneButTheFrontDoorAreIgnored() throws Exception {
		MockHttpServletRequest direct = request();
		direct.addHeader("X-Forwarded-For", "203.0.113.9");
		direct.addHeader("X-Forwarded-Host", "evil.example");

		HttpServletRequest seen = pass(direct);
		assertThat(seen.getRemoteAddr()).isEqualTo("127.0.0.1");
		assertThat(seen.getServerName()).isEqualTo("localhost");
		assertThat(seen.getHeader("X-Forwarded-For")).isNull();
	}

	@Test
	void forwardingHeadersTheFrontDoorSignedAreApplied() throws Exception {
		MockHttpServletRequest forwarded = request();
		forwarded.addHeader("X-Forwarded-For", "203.0.113.9");
		forwarded.addHeader("X-Forwarded-Host", "paxoshub.example");
		FrontDoorSignature frontDoor = FrontDoorSignature.of(ClusterKey.of("k", KEY), Clock.systemUTC(),
				this.properties.cluster().signatureMaxAge());
		forwarded.addHeader(FrontDoorSignature.HEADER,
				frontDoor.sign("POST", "/login?x=1", (name) -> forwarded.getHeader(name)));

		HttpServletRequest seen = pass(forwarded);
		assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
		assertThat(seen.getServerName()).isEqualTo("paxoshub.example");
	}

	@Test
	void aFrontDoorSignatureDoesNotCoverOtherHeadersThanItSigned() throws Exception {
		MockHttpServletRequest tampered = request();
		tampered.addHeader("X-Forwarded-For", "203.0.113.9");
		FrontDoorSignature frontDoor = FrontDoorSignature.of(ClusterKey.of("k", KEY), Clock.systemUTC(),
				this.properties.cluster().signatureMaxAge());
		String signature = frontDoor.sign("POST", "/login?x=1", (name) -> tampered.getHeader(name));
		tampered.removeHeader("X-Forwarded-For");
		tampered.addHeader("X-Forwarded-For", "198.51.100.7");
		tampered.addHeader(FrontDoorSignature.HEADER, signature);

		assertThat(pass(tampered).getRemoteAddr()).isEqualTo("127.0.0.1");
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setQueryString("x=1");
		request.setRemoteAddr("127.0.0.1");
		request.setServerName("localhost");
		return request;
	}

	private HttpServletRequest pass(MockHttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, new MockHttpServletResponse(), chain);
		return (HttpServletRequest) chain.getRequest();
	}

}
