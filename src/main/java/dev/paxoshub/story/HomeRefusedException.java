package dev.paxoshub.story;

/** The home would not do what the engine asked, with its own sentence why. */
public class HomeRefusedException extends RuntimeException {

	private final int status;

	public HomeRefusedException(int status, String message) {
		super(message);
		this.status = status;
	}

	public int status() {
		return this.status;
	}

}
