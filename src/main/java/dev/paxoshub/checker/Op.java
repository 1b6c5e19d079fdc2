package dev.paxoshub.checker;

/**
 * One operation of the history: what a client asked, when, and how it ended. Times are
 * milliseconds since the run began.
 *
 * @param id unique within the history, in invocation order
 * @param client the client that ran it (its lane in the report)
 * @param kind what it asked
 * @param key the username it is about
 * @param via where it was sent: {@code front-door} or a node's name
 * @param outcome ok, fail (certainly not applied) or unknown (may or may not have been
 * applied)
 * @param start when it was sent
 * @param end when its answer came; for an unknown one, when the client gave up waiting
 * @param attempt for a claim, the token its email carries, so the account it made can be
 * recognised in the nodes' final state even when the answer was lost
 * @param accountId the account it concerned: the one a claim made, an edit changed, or a
 * read saw (null for a read that found no account, and when not known)
 * @param value for an edit, the display name written; for a read, the display name seen
 * @param status the HTTP status, 0 when there was none
 * @param error what went wrong, in a person's words, or null
 */
public record Op(int id, int client, Kind kind, String key, String via, Outcome outcome, double start, double end,
		String attempt, String accountId, String value, int status, String error) {

	public enum Kind {

		/** Sign up for the name: at most one owner may ever be told yes. */
		CLAIM,

		/** Change the owner's display name. */
		EDIT,

		/** Read the account the name stands for. */
		READ

	}

	public enum Outcome {

		OK, FAIL, UNKNOWN

	}

	public boolean ok() {
		return this.outcome == Outcome.OK;
	}

	/** True when this one ended before the other began: real time orders them. */
	public boolean precedes(Op other) {
		return this.outcome != Outcome.UNKNOWN && this.end < other.start;
	}

	/** A read that found no account under the name (a 404). */
	public boolean readAbsent() {
		return this.kind == Kind.READ && ok() && this.accountId == null;
	}

}
