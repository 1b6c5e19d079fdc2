package dev.paxoshub.properties;

import java.time.Instant;
import java.util.List;

/**
 * One look at a whole cluster: every node, every write its front door acknowledged so
 * far, and whether any fault was in force.
 *
 * @param at when the look was taken
 * @param nodes every node of the cluster, up or not
 * @param acknowledged every write acknowledged since the cluster (or its record) was
 * reset
 * @param faultsActive a short description of each fault in force (a node down, cut off,
 * flaky or slow); empty when the cluster is whole
 */
public record ClusterObservation(Instant at, List<NodeObservation> nodes, List<AcknowledgedWrite> acknowledged,
		List<String> faultsActive) {
}
