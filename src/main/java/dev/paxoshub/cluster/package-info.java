/**
 * The cluster as one node sees it: what every node holds and believes
 * ({@link dev.paxoshub.cluster.ClusterView}), the {@code /cluster} page, its JSON twin
 * and the operator's consensus switch.
 * <p>
 * May use: {@code security}, {@code consensus}, {@code store}, {@code node}.
 */
package dev.paxoshub.cluster;
