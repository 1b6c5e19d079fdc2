package dev.paxoshub.checker;

/**
 * How one request ended, as the history records it.
 *
 * @param accountId the account the answer names, if any
 * @param value the display name it shows, for reads and edits
 */
record Answer(Op.Outcome outcome, int status, String accountId, String value, String error) {

	static Answer failed(int status, String error) {
		return new Answer(Op.Outcome.FAIL, status, null, null, error);
	}

	static Answer unknown(int status, String error) {
		return new Answer(Op.Outcome.UNKNOWN, status, null, null, error);
	}

}
