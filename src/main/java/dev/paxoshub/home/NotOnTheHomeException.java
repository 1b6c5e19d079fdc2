package dev.paxoshub.home;

/** A cluster, node or chaos action the home does not have, with the sentence to show. */
class NotOnTheHomeException extends RuntimeException {

	NotOnTheHomeException(String message) {
		super(message);
	}

}
