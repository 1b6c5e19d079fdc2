package dev.paxoshub.consensus;

/** The one switch of the demo: whether nodes agree before they write. */
public enum ConsensusMode {

	/** Every node writes locally and tells its peers afterwards, when it can. */
	OFF,

	/** Nodes agree through Raft before a write counts. */
	ON

}
