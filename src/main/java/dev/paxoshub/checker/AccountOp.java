package dev.paxoshub.checker;

/**
 * One operation as the account model sees it: what it may do to the name and how much its
 * answer tells. Operations that tell nothing (refused, or reads whose answer was lost)
 * never become one.
 *
 * @param index its bit in the set of operations a search has placed
 * @param op the operation of the history
 * @param effect what it does in the model
 * @param accountId the account it made, changed or saw (a claim's recovered one)
 * @param value the display name it wrote or saw
 * @param certain its answer is known, so the model must reproduce it; an unknown claim or
 * edit may instead have done nothing
 * @param deadline the latest moment it can have taken effect: its end, or for an unknown
 * one the end of the first operation that saw its effect (infinite when none did)
 */
record AccountOp(int index, Op op, Effect effect, String accountId, String value, boolean certain, double deadline) {

	enum Effect {

		/** Makes the account the name's owner if the name has none. */
		CLAIM,

		/** A claim told the name was taken: the name had an owner. */
		TAKEN,

		/** Sets the display name, if the account owns the name. */
		EDIT,

		/** Sees the owner and display name, or that there is no owner. */
		READ

	}

	double start() {
		return this.op.start();
	}

	boolean unbounded() {
		return this.deadline == Double.POSITIVE_INFINITY;
	}

	/** Real time orders them: this one was over before the other began. */
	boolean precedes(AccountOp other) {
		return this.deadline < other.start();
	}

	boolean concurrentWith(AccountOp other) {
		return !precedes(other) && !other.precedes(this);
	}

	/** A read that saw an owner, an acknowledged edit or claim, a taken claim. */
	boolean provesOwner() {
		return this.certain && (this.effect != Effect.READ || this.accountId != null);
	}

}
