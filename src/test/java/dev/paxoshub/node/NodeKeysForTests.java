package dev.paxoshub.node;

/**
 * A node's keys, as a node makes them from its settings, for tests outside this package.
 */
public final class NodeKeysForTests {

	private NodeKeysForTests() {
	}

	public static NodeKeys of(PaxoshubProperties properties) {
		return new NodeKeys(properties);
	}

}
