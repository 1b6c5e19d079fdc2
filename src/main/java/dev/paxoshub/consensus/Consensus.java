package dev.paxoshub.consensus;

import java.util.Optional;

import dev.paxoshub.store.Account;

/**
 * The boundary every write to an account crosses. With consensus OFF a node decides alone
 * and tells the others later; with consensus ON the nodes agree first. Reads are served
 * from the node's own store, which {@link #resolve} brings up to date first where the
 * mode can promise it.
 */
public interface Consensus {

	ConsensusMode mode();

	ConsensusStatus status();

	/**
	 * Creates a new account if its name is free.
	 * @throws UsernameTakenException if the name is already claimed, as far as this mode
	 * knows
	 */
	void register(Account account);

	/**
	 * Commits a change already applied to the account object (profile, avatar,
	 * repositories).
	 */
	void update(Account account);

	/**
	 * Which account a name stands for, as agreed, with this node's copy brought up to
	 * date so it can be read locally. Empty when the mode has nothing to agree on:
	 * without consensus a node shows whatever it holds.
	 */
	Optional<String> resolve(String username);

}
