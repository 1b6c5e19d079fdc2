package dev.paxoshub.home;

/** A chaos action that could not be carried out, with the sentence that says why. */
class ChaosRefusedException extends RuntimeException {

	private final int status;

	ChaosRefusedException(int status, String message) {
		super(message);
		this.status = status;
	}

	int status() {
		return this.status;
	}

}
