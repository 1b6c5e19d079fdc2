package dev.paxoshub.consensus;

/**
 * A write (or a read) consensus could not confirm. The message says which of the honest
 * answers it is: nothing was sent because the node knew it had no majority; the node
 * cannot tell whether what it holds is current; or the write was sent and its outcome is
 * unknown until the cluster heals. The web layer answers all three with 503 and a time to
 * try again.
 */
public class ConsensusUnavailableException extends RuntimeException {

	private ConsensusUnavailableException(String message) {
		super(message);
	}

	/** The node did not send the write: it knew it could not reach a majority. */
	public static ConsensusUnavailableException noMajority(String node) {
		return new ConsensusUnavailableException(
				node + " cannot reach a majority of the cluster; nothing was changed. Try again in a moment.");
	}

	/**
	 * The node's Raft member has not joined its group yet (it just started), so it can
	 * neither write nor tell what is current.
	 */
	public static ConsensusUnavailableException stillJoining(String node) {
		return new ConsensusUnavailableException(
				node + " is still joining its Raft group; nothing was changed. Try again in a moment.");
	}

	/**
	 * The node cannot even read what the majority agreed on, so it will not show possibly
	 * stale data.
	 */
	public static ConsensusUnavailableException cannotRead(String node) {
		return new ConsensusUnavailableException(node
				+ " cannot reach a majority of the cluster, so it cannot tell whether what it holds is current. Try again in a moment.");
	}

	/**
	 * The write was sent but not confirmed in time; it may still be applied once the
	 * cluster heals.
	 */
	public static ConsensusUnavailableException outcomeUnknown(String node) {
		return new ConsensusUnavailableException(node
				+ " sent your change to the cluster but could not confirm it in time. It may or may not have been applied: check again in a moment before you repeat it.");
	}

}
