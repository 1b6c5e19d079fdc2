package dev.paxoshub.home;

import java.net.URI;
import java.util.List;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;

/**
 * One cluster as whoever runs it can handle it: its nodes and front door, and a node's
 * life (a crash, and its return with its data). Link faults need none of this: each node
 * applies them to its own traffic when asked through its operator endpoint.
 */
public interface ClusterSupervisor {

	/** The cluster's name, such as {@code on}; it also names its site's cookies. */
	String name();

	List<NodeAddress> nodes();

	URI frontDoor();

	boolean isRunning(String node);

	/** A crash: the node's port closes and its Raft member is gone. */
	void kill(String node);

	/** The node comes back with its data; returns once it serves again. */
	void revive(String node);

}
