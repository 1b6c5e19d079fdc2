package dev.paxoshub.home;

import java.net.URI;
import java.util.List;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;

/**
 * One cluster as whoever runs it can handle it: its nodes and front door, a node's life
 * (a crash, and its return with its data or as a new server with none), and the whole
 * cluster's return to empty. Link faults need none of this: each node applies them to its
 * own traffic when asked through its operator endpoint.
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

	/**
	 * The node comes back; with {@code emptyDisk} as a new server with nothing stored (it
	 * is stopped first if it runs, and its data removed). Returns once it serves again.
	 * Default for supervisors that hold no disk of their own (the tests' fakes): they
	 * refuse.
	 */
	default void revive(String node, boolean emptyDisk) {
		if (emptyDisk) {
			throw new UnsupportedOperationException(name() + " cannot bring a node back with an empty disk.");
		}
		revive(node);
	}

	/**
	 * Every node and the front door stopped, each node's stored data removed, all started
	 * again; returns once every part serves again. Each node starts in its configured
	 * consensus mode, since the mode it was switched to was stored with the rest.
	 * Supervisors that hold no disk of their own refuse.
	 */
	default void reset() {
		throw new UnsupportedOperationException(name() + " cannot be reset.");
	}

}
