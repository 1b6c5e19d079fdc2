package dev.paxoshub.consensus;

/**
 * What a node can say about its own part in consensus right now. The Raft fields are read from
 * the node's own Raft server for the partition that holds the accounts; each is null when the
 * mode is OFF or when the server could not tell (not started yet, stopped, or not readable).
 *
 * @param mode OFF or ON
 * @param state whether the node's Raft member is joining, ready or stopped ("local" without one)
 * @param writable whether this node would accept a write now (ON: it sees a majority)
 * @param role this node's Raft role: "leader", "follower", "candidate" (or "inactive",
 * "passive", "promotable" while it is not a voting member)
 * @param term the Raft term this node is in
 * @param leader the member id of the leader this node knows of for that term
 * @param commitIndex the highest log index this node knows to be committed by a majority
 * @param lastApplied the highest log index this node has applied to its state machine
 */
public record ConsensusStatus(ConsensusMode mode, String state, boolean writable, String role, Long term,
		String leader, Long commitIndex, Long lastApplied) {

	/** A status without Raft details: OFF, or ON while nothing can be read from Raft. */
	public static ConsensusStatus withoutRaft(ConsensusMode mode, String state, boolean writable) {
		return new ConsensusStatus(mode, state, writable, null, null, null, null, null);
	}

}
