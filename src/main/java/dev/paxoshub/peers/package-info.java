/**
 * What a node serves its peers under {@code /internal/}: replicas and the mode switch.
 * The security chain admits only calls signed with the cluster key; the front door never
 * forwards them.
 * <p>
 * May use: {@code consensus}, {@code store}, {@code node}.
 */
package dev.paxoshub.peers;
