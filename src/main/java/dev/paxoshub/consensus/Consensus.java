package dev.paxoshub.consensus;

import dev.paxoshub.store.Account;

/**
 * The boundary every write to an account crosses. With consensus OFF a node decides alone and
 * tells the others later; with consensus ON the nodes agree first. Reads never come here: they
 * are served from the node's own store.
 */
public interface Consensus {

	ConsensusMode mode();

	/**
	 * Creates a new account if its name is free.
	 * @throws UsernameTakenException if the name is already claimed, as far as this mode knows
	 */
	void register(Account account);

	/** Commits a change already applied to the account object (profile, avatar, repositories). */
	void update(Account account);

}
