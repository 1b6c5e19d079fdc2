package dev.paxoshub.consensus;

/** The name is already claimed, as far as the node's consensus mode can know. */
public class UsernameTakenException extends RuntimeException {

	private final String username;

	public UsernameTakenException(String username) {
		super("Username " + username + " is already taken.");
		this.username = username;
	}

	public String getUsername() {
		return this.username;
	}

}
