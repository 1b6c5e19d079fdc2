package dev.paxoshub.consensus;

/**
 * Someone changed the account between the moment it was read and the moment the change
 * was agreed.
 */
public class ConcurrentChangeException extends RuntimeException {

	public ConcurrentChangeException(String username) {
		super("The account " + username
				+ " was changed elsewhere at the same moment. Nothing was saved: reload and try again.");
	}

}
