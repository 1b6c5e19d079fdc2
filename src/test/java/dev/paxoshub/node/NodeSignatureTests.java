package dev.paxoshub.node;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.paxoshub.node.NodeSignature.Check;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeSignatureTests {

	private static final byte[] BODY = "{\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8);

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final NodeSignature morpheus = signature("morpheus", "the-cluster-key-0123456789abcdefghij", NOW);

	private final NodeSignature neo = signature("neo", "the-cluster-key-0123456789abcdefghij", NOW);

	@Test
	void aSignedCallIsAcceptedOnceWithItsSender() {
		String header = this.morpheus.sign("POST", "/internal/replicas", BODY);
		assertThat(header).doesNotContain("the-cluster-key");
		Check check = this.neo.check(header, "POST", "/internal/replicas", BODY);
		assertThat(check.valid()).isTrue();
		assertThat(check.node()).isEqualTo("morpheus");
	}

	@Test
	void theSameCallSentAgainIsARefusedReplay() {
		String header = this.morpheus.sign("POST", "/internal/replicas", BODY);
		assertThat(this.neo.check(header, "POST", "/internal/replicas", BODY).valid()).isTrue();
		Check replay = this.neo.check(header, "POST", "/internal/replicas", BODY);
		assertThat(replay.valid()).isFalse();
		assertThat(replay.problem()).isEqualTo("The call was received before; a replayed call is refused.");
	}

	@Test
	void anyChangeToTheCallBreaksItsSignature() {
		String header = this.morpheus.sign("POST", "/internal/replicas", BODY);
		assertThat(
				this.neo.check(header, "POST", "/internal/replicas", "{\"id\":\"43\"}".getBytes(StandardCharsets.UTF_8))
					.problem())
			.isEqualTo("The node signature does not match the call.");
		assertThat(this.neo.check(header, "PUT", "/internal/replicas", BODY).valid()).isFalse();
		assertThat(this.neo.check(header, "POST", "/internal/replicas?x=1", BODY).valid()).isFalse();
		assertThat(this.neo.check(header.replace("node=morpheus", "node=trinity"), "POST", "/internal/replicas", BODY)
			.valid()).isFalse();
	}

	@Test
	void aCallSignedWithAnotherKeyIsRefused() {
		NodeSignature stranger = signature("morpheus", "another-key-0123456789abcdefghijklmn", NOW);
		String header = stranger.sign("GET", "/internal/replicas", new byte[0]);
		assertThat(this.neo.check(header, "GET", "/internal/replicas", new byte[0]).valid()).isFalse();
	}

	@Test
	void aCallOlderThanTheMaximumAgeIsRefused() {
		NodeSignature earlier = signature("morpheus", "the-cluster-key-0123456789abcdefghij", NOW.minusSeconds(6));
		Check late = this.neo.check(earlier.sign("GET", "/internal/replicas", new byte[0]), "GET", "/internal/replicas",
				new byte[0]);
		assertThat(late.valid()).isFalse();
		assertThat(late.problem()).startsWith("The node signature is too old");
		NodeSignature recent = signature("morpheus", "the-cluster-key-0123456789abcdefghij", NOW.minusSeconds(4));
		assertThat(this.neo
			.check(recent.sign("GET", "/internal/replicas", new byte[0]), "GET", "/internal/replicas", new byte[0])
			.valid()).isTrue();
	}

	@Test
	void noSignatureOrAMalformedOneIsRefusedWithASentence() {
		assertThat(this.neo.check(null, "GET", "/internal/replicas", new byte[0]).problem())
			.isEqualTo("The call carries no node signature.");
		assertThat(this.neo.check("paxoshub-demo-secret-change-me", "GET", "/internal/replicas", new byte[0]).problem())
			.isEqualTo("The node signature is malformed.");
		assertThat(
				this.neo.check("v1;node=x;ts=soon;nonce=n;sig=s", "GET", "/internal/replicas", new byte[0]).problem())
			.isEqualTo("The node signature is malformed.");
	}

	static NodeSignature signature(String node, String key, Instant now) {
		return TestSignatures.of(node, key, Clock.fixed(now, ZoneOffset.UTC));
	}

}
