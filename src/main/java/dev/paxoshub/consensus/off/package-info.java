/**
 * Consensus OFF: {@link dev.paxoshub.consensus.off.LocalFirstConsensus} writes locally
 * and {@link dev.paxoshub.consensus.off.Replicator} tells the peers afterwards;
 * {@link dev.paxoshub.consensus.off.AntiEntropy} pulls what they have newer. The split
 * brain of the story happens here, by this very mechanism.
 * <p>
 * May use: {@code consensus}, {@code store}, {@code node}.
 */
package dev.paxoshub.consensus.off;
