package dev.paxoshub.consensus;

/**
 * What a node can say about its own part in consensus right now.
 *
 * @param mode OFF or ON
 * @param state for ON, whether the node's Raft member is still joining, ready or stopped
 * @param writable whether this node would accept a write now (ON: it sees a majority)
 */
public record ConsensusStatus(ConsensusMode mode, String state, boolean writable) {
}
