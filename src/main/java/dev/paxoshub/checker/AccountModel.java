package dev.paxoshub.checker;

import java.util.Objects;

/**
 * The sequential specification of one name: who owns it and the owner's display name. An
 * owner, once there, stays (no operation of the history releases a name).
 */
final class AccountModel {

	static final State EMPTY = new State(null, null);

	private AccountModel() {
	}

	/**
	 * The state after the operation, or null when the operation cannot have had the
	 * answer it got in this state.
	 */
	static State step(State state, AccountOp op) {
		return switch (op.effect()) {
			case CLAIM -> {
				if (state.owner() == null) {
					yield new State(op.accountId(), null);
				}
				yield op.certain() ? null : state;
			}
			case TAKEN -> (state.owner() != null) ? state : null;
			case EDIT -> {
				if (op.accountId().equals(state.owner())) {
					yield new State(state.owner(), op.value());
				}
				yield op.certain() ? null : state;
			}
			case READ -> {
				if (op.accountId() == null) {
					yield (state.owner() == null) ? state : null;
				}
				boolean same = op.accountId().equals(state.owner()) && Objects.equals(op.value(), state.display());
				yield same ? state : null;
			}
		};
	}

	/**
	 * @param owner the account the name stands for, null while nobody claimed it
	 * @param display its display name, null until an edit sets one
	 */
	record State(String owner, String display) {
	}

}
