package dev.paxoshub.checker;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The set of operations a search has placed, and the memo of those sets it has explored,
 * each with the state it led to.
 * <p>
 * A set is remembered by what makes it differ from its neighbours: how far every
 * operation with a return is placed without a gap (the prefix, in start order), the few
 * placed past that point, and which operations without a return are placed. A whole
 * {@link BitSet} per memo entry would cost a kilobyte on a long history, and the memo may
 * hold a million entries.
 */
final class PlacedOps {

	/** Operations with a return that are placed. */
	private final BitSet bounded;

	/** Operations with a return that are placed, and every one without a return. */
	private final BitSet bridged;

	/** Per operation without a return, its rank among those; -1 for the others. */
	private final int[] rank;

	/** Operations without a return that are placed, by rank. */
	private final BitSet unbounded = new BitSet();

	private final Set<Memo> seen = new HashSet<>();

	/** Every operation with a return before this index is placed. */
	private int prefix;

	PlacedOps(List<AccountOp> ops) {
		this.bounded = new BitSet(ops.size());
		this.bridged = new BitSet(ops.size());
		this.rank = new int[ops.size()];
		int unboundedOps = 0;
		for (AccountOp op : ops) {
			if (op.unbounded()) {
				this.bridged.set(op.index());
				this.rank[op.index()] = unboundedOps++;
			}
			else {
				this.rank[op.index()] = -1;
			}
		}
		this.prefix = this.bridged.nextClearBit(0);
	}

	void place(int index) {
		if (this.rank[index] >= 0) {
			this.unbounded.set(this.rank[index]);
			return;
		}
		this.bounded.set(index);
		this.bridged.set(index);
		if (index == this.prefix) {
			this.prefix = this.bridged.nextClearBit(index);
		}
	}

	void unplace(int index) {
		if (this.rank[index] >= 0) {
			this.unbounded.clear(this.rank[index]);
			return;
		}
		this.bounded.clear(index);
		this.bridged.clear(index);
		this.prefix = Math.min(this.prefix, index);
	}

	/** Remembers the set as it is with that state; false if it was explored before. */
	boolean firstVisit(AccountModel.State state) {
		long[] past = this.bounded.get(this.prefix, Math.max(this.prefix, this.bounded.length())).toLongArray();
		return this.seen.add(new Memo(this.prefix, past, this.unbounded.toLongArray(), state));
	}

	int remembered() {
		return this.seen.size();
	}

	private static final class Memo {

		private final int prefix;

		private final long[] past;

		private final long[] unbounded;

		private final AccountModel.State state;

		private final int hash;

		Memo(int prefix, long[] past, long[] unbounded, AccountModel.State state) {
			this.prefix = prefix;
			this.past = past;
			this.unbounded = unbounded;
			this.state = state;
			this.hash = ((prefix * 31 + Arrays.hashCode(past)) * 31 + Arrays.hashCode(unbounded)) * 31
					+ state.hashCode();
		}

		@Override
		public boolean equals(Object other) {
			if (!(other instanceof Memo)) {
				return false;
			}
			Memo memo = (Memo) other;
			return this.hash == memo.hash && this.prefix == memo.prefix && Arrays.equals(this.past, memo.past)
					&& Arrays.equals(this.unbounded, memo.unbounded) && this.state.equals(memo.state);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
