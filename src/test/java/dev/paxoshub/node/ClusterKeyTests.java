package dev.paxoshub.node;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.paxoshub.node.ClusterKey.UnsafeKeyException;
import dev.paxoshub.support.TestProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClusterKeyTests {

	private static final String KEY = "a-key-long-enough-for-the-cluster";

	@Test
	void aMissingKeyIsRefusedNamingItsProperty() {
		assertThatExceptionOfType(UnsafeKeyException.class)
			.isThrownBy(() -> ClusterKey.of("paxoshub.cluster.key", null))
			.withMessage("paxoshub.cluster.key is not set.")
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("paxoshub.cluster.key"));
		assertThatExceptionOfType(UnsafeKeyException.class)
			.isThrownBy(() -> ClusterKey.of("paxoshub.cluster.key", "  "));
	}

	@Test
	void theValueOlderVersionsShippedIsRefused() {
		assertThatExceptionOfType(UnsafeKeyException.class)
			.isThrownBy(() -> ClusterKey.of("paxoshub.cluster.key", "paxoshub-demo-secret-change-me"))
			.withMessageContaining("old demo value");
	}

	@Test
	void aKeyShorterThanThirtyTwoBytesIsRefused() {
		assertThatExceptionOfType(UnsafeKeyException.class)
			.isThrownBy(() -> ClusterKey.of("paxoshub.cluster.sign-in-key", "x".repeat(31)))
			.withMessage("paxoshub.cluster.sign-in-key has 31 bytes; it needs at least 32.");
		assertThat(ClusterKey.of("paxoshub.cluster.key", "x".repeat(32))).isNotNull();
	}

	@Test
	void eachPurposeSignsDifferentlySoOneSignatureIsWorthlessForAnother() {
		ClusterKey key = ClusterKey.of("paxoshub.cluster.key", KEY);
		byte[] forNodes = key.forPurpose("node-to-node").sign("GET /internal/replicas");
		byte[] forFrontDoor = key.forPurpose("front-door").sign("GET /internal/replicas");
		assertThat(forNodes).isNotEqualTo(forFrontDoor);
		assertThat(key.forPurpose("node-to-node").verify("GET /internal/replicas", forNodes)).isTrue();
		assertThat(key.forPurpose("front-door").verify("GET /internal/replicas", forNodes)).isFalse();
		assertThat(ClusterKey.of("other", "y".repeat(40))
			.forPurpose("node-to-node")
			.verify("GET /internal/replicas", forNodes)).isFalse();
	}

	@Test
	void randomKeysAreLongEnoughAndNeverTheSame() {
		String one = ClusterKey.random();
		assertThat(one.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(ClusterKey.MIN_BYTES);
		assertThat(ClusterKey.random()).isNotEqualTo(one);
		assertThat(ClusterKey.of("p", one)).isNotNull();
	}

	@Test
	void aRefusedKeyFailsTheStartWithWhatToSet() {
		FailureAnalysis analysis = new UnsafeKeyFailureAnalyzer().analyze(new IllegalStateException("context",
				new UnsafeKeyException("paxoshub.cluster.sign-in-key", "is not set")));
		assertThat(analysis.getDescription()).contains("paxoshub.cluster.sign-in-key is not set.");
		assertThat(analysis.getAction()).contains("Set paxoshub.cluster.sign-in-key")
			.contains("PAXOSHUB_CLUSTER_SIGNINKEY")
			.contains("openssl rand -base64 48");
	}

	@Test
	void theSignInKeyMustDifferFromTheClusterKey() {
		PaxoshubProperties same = TestProperties
			.paxoshub(Map.of("node", "neo", "cluster.key", KEY, "cluster.sign-in-key", KEY));
		assertThatExceptionOfType(UnsafeKeyException.class).isThrownBy(() -> new NodeKeys(same))
			.withMessageContaining("the same as paxoshub.cluster.key");
	}

}
