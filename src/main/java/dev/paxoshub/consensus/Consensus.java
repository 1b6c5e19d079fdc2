package dev.paxoshub.consensus;

import dev.paxoshub.store.Account;

/**
 * The boundary every write to an account crosses. With consensus OFF a node decides alone and
 * tells the others later; with consensus ON the nodes agree first. Reads are served from the
 * node's own store, which {@link #refresh} brings up to date first where the mode can promise it.
 */
public interface Consensus {

	ConsensusMode mode();

	ConsensusStatus status();

	/**
	 * Creates a new account if its name is free.
	 * @throws UsernameTakenException if the name is already claimed, as far as this mode knows
	 */
	void register(Account account);

	/** Commits a change already applied to the account object (profile, avatar, repositories). */
	void update(Account account);

	/**
	 * Brings this node's copy of the named account up to date before it is read. Without
	 * consensus there is nothing to ask, and a node shows whatever it has.
	 */
	void refresh(String username);

}
