package dev.paxoshub.node;

import java.time.Clock;
import java.util.Map;

import dev.paxoshub.support.TestProperties;

/**
 * Node signatures made the way a node makes them, for tests that play a node (or an
 * insider).
 */
public final class TestSignatures {

	private TestSignatures() {
	}

	public static NodeSignature of(String node, String clusterKey, Clock clock) {
		PaxoshubProperties properties = TestProperties.paxoshub(Map.of("node", node, "cluster.key", clusterKey,
				"cluster.sign-in-key", "a-sign-in-key-for-tests-0123456789"));
		return new NodeSignature(new NodeKeys(properties), new NodeIdentity(properties), clock, properties);
	}

}
