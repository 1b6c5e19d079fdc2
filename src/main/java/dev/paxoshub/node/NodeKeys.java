package dev.paxoshub.node;

import dev.paxoshub.node.ClusterKey.Purpose;
import dev.paxoshub.node.ClusterKey.UnsafeKeyException;

import org.springframework.stereotype.Component;

/**
 * The node's two secrets, checked when it starts: the cluster key, from which
 * node-to-node signatures and the front door's are derived, and a sign-in key of its own
 * for sign-in cookies, so that nothing a node sends another can ever be turned into a
 * cookie, nor the reverse.
 */
@Component
public class NodeKeys {

	static final String CLUSTER_KEY = "paxoshub.cluster.key";

	static final String SIGN_IN_KEY = "paxoshub.cluster.sign-in-key";

	private final Purpose nodeToNode;

	private final Purpose frontDoor;

	private final Purpose signIn;

	NodeKeys(PaxoshubProperties properties) {
		ClusterKey cluster = ClusterKey.of(CLUSTER_KEY, properties.cluster().key());
		ClusterKey signIn = ClusterKey.of(SIGN_IN_KEY, properties.cluster().signInKey());
		if (cluster.sameAs(signIn)) {
			throw new UnsafeKeyException(SIGN_IN_KEY,
					"is the same as " + CLUSTER_KEY + "; sign-in needs a key of its own");
		}
		this.nodeToNode = cluster.forPurpose(NodeSignature.PURPOSE);
		this.frontDoor = cluster.forPurpose(FrontDoorSignature.PURPOSE);
		this.signIn = signIn.forPurpose("sign-in-cookie");
	}

	Purpose nodeToNode() {
		return this.nodeToNode;
	}

	Purpose frontDoor() {
		return this.frontDoor;
	}

	public Purpose signIn() {
		return this.signIn;
	}

}
