package dev.paxoshub.consensus;

/**
 * What a node can say about its own part in consensus right now. The Raft fields are read
 * from the node's own Raft server for the partition that holds the accounts, whatever the
 * mode: a node with consensus OFF still runs its member, ready to be switched on. Each is
 * null when the node runs no Raft member, or when its server cannot tell (not started
 * yet, stopped, or unreadable).
 *
 * @param mode OFF or ON
 * @param state whether the node's Raft member is joining, ready or stopped ("local"
 * without one)
 * @param writable whether this node would accept a write now (ON: it sees a majority)
 * @param role this node's Raft role
 * @param term the Raft term this node is in
 * @param leader the member id of the leader this node knows of for that term
 * @param commitIndex the highest log index this node knows to be committed by a majority
 * @param lastApplied the highest log index this node has applied to its state machine
 */
public record ConsensusStatus(ConsensusMode mode, String state, boolean writable, RaftRole role, Long term,
		String leader, Long commitIndex, Long lastApplied) {

	/** A status without Raft details: a node that runs no Raft member. */
	public static ConsensusStatus withoutRaft(ConsensusMode mode, String state, boolean writable) {
		return new ConsensusStatus(mode, state, writable, null, null, null, null, null);
	}

}
