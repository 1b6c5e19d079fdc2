package dev.paxoshub.home;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One cluster as the home last saw it: every node, and the cluster's mode as its nodes
 * report it.
 *
 * @param mode {@code ON} or {@code OFF} as most answering nodes report it; null when none
 * answers
 */
public record ClusterSnapshot(String name, URI frontDoor, String mode, Instant at, List<NodeSnapshot> nodes) {

	/** Whether the cluster looks the same, leaving out when it was looked at. */
	boolean sameAs(ClusterSnapshot other) {
		return other != null && this.nodes.equals(other.nodes) && java.util.Objects.equals(this.mode, other.mode);
	}

}
