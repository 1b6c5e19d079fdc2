package dev.paxoshub.consensus;

/**
 * Something this node will not do in its present state, whoever asks: turn consensus on
 * without a Raft member, or take a replica push while consensus is on. The web layer
 * answers 409.
 */
public class ConsensusRefusedException extends RuntimeException {

	public ConsensusRefusedException(String message) {
		super(message);
	}

}
