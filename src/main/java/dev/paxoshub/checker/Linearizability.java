package dev.paxoshub.checker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The search of Wing and Gong for an order of one name's operations that the account
 * model explains and that respects real time, with the memo of Lowe (also Porcupine's): a
 * set of operations already placed and the state they lead to are explored once, however
 * many orders reach them.
 * <p>
 * The history is a list of call and return entries in time order. Walking it from the
 * start, a call is an operation that may take effect now: it is placed (lifted out of the
 * list with its return) and the walk restarts. Reaching a return means its operation
 * should have been placed by then: the last placement is undone and the walk goes on
 * after it. An operation whose answer was lost and that nothing saw has no return: it may
 * take effect at any time, or never.
 * <p>
 * One refinement: operations that only observe (reads, claims told the name was taken)
 * are placed as soon as the state allows, before any write is tried, and are never
 * branched on.
 */
final class Linearizability {

	/**
	 * Enough for any history the runner makes many times over; past it the search gives
	 * up rather than keep a run's verdict waiting for ever.
	 */
	static final long STEP_LIMIT = 20_000_000L;

	/** About 300 MB of memo: a history that needs more is given up on, not an error. */
	static final int MEMO_LIMIT = 2_000_000;

	private Linearizability() {
	}

	static Result search(List<AccountOp> ops) {
		return search(ops, STEP_LIMIT);
	}

	static Result search(List<AccountOp> ops, long stepLimit) {
		Entry head = entries(ops);
		PlacedOps placed = new PlacedOps(ops);
		Deque<Placement> placements = new ArrayDeque<>();
		AccountModel.State state = AccountModel.EMPTY;
		AccountOp blocked = null;
		int deepest = -1;
		long steps = 0;
		Entry entry = head.next;
		boolean observing = true;
		while (entry != null) {
			if (++steps > stepLimit || placed.remembered() > MEMO_LIMIT) {
				return new Result(Finding.GAVE_UP, blocked, steps);
			}
			boolean undo = false;
			if (entry.call) {
				if (observes(entry.op) != observing) {
					entry = entry.next;
					continue;
				}
				AccountModel.State next = AccountModel.step(state, entry.op);
				if (worthPlacing(entry.op, state, next)) {
					placed.place(entry.op.index());
					if (placed.firstVisit(next)) {
						placements.push(new Placement(entry, state, observing));
						state = next;
						entry.lift();
						entry = head.next;
						observing = true;
						continue;
					}
					placed.unplace(entry.op.index());
					// An observation free to go now was explored from here before and
					// failed: everything from here fails with it.
					undo = observing;
				}
				entry = entry.next;
			}
			else if (observing) {
				observing = false;
				entry = head.next;
				continue;
			}
			else {
				// The operations placed so far got furthest: what blocks them is what
				// no order explains.
				if (placements.size() > deepest) {
					deepest = placements.size();
					blocked = entry.op;
				}
				undo = true;
			}
			if (undo) {
				Placement last;
				do {
					if (placements.isEmpty()) {
						return new Result(Finding.NOT_LINEARIZABLE, blocked, steps);
					}
					last = placements.pop();
					state = last.before;
					placed.unplace(last.entry.op.index());
					last.entry.unlift();
				}
				while (last.observation);
				entry = last.entry.next;
				observing = false;
			}
		}
		// Only calls without a return are left: those operations never took effect.
		return new Result(Finding.LINEARIZABLE, null, steps);
	}

	/**
	 * Reads and claims told the name was taken change nothing, so one the state allows
	 * now may as well go now, with no alternative tried: taken out of any order that
	 * works from here and put first, it sees what it sees now, every other operation sees
	 * what it saw, and all that real time puts before it is placed already. So each walk
	 * first places what observes, and only then tries the writes one by one.
	 */
	private static boolean observes(AccountOp op) {
		return op.effect() == AccountOp.Effect.READ || op.effect() == AccountOp.Effect.TAKEN;
	}

	/**
	 * An operation free to have done nothing, and doing nothing here, is better left for
	 * later: placing it now only closes doors.
	 */
	private static boolean worthPlacing(AccountOp op, AccountModel.State state, AccountModel.State next) {
		return next != null && (!op.unbounded() || !next.equals(state));
	}

	private static Entry entries(List<AccountOp> ops) {
		List<Entry> entries = new ArrayList<>(ops.size() * 2);
		for (AccountOp op : ops) {
			Entry call = new Entry(op, true, op.start());
			entries.add(call);
			if (!op.unbounded()) {
				call.match = new Entry(op, false, op.deadline());
				entries.add(call.match);
			}
		}
		// At the same instant a call comes first: the two overlap, as Op#precedes has it.
		entries.sort(Comparator.comparingDouble((Entry entry) -> entry.time)
			.thenComparing((entry) -> !entry.call)
			.thenComparingInt((entry) -> entry.op.index()));
		Entry head = new Entry(null, false, Double.NEGATIVE_INFINITY);
		Entry previous = head;
		for (Entry entry : entries) {
			previous.next = entry;
			entry.prev = previous;
			previous = entry;
		}
		return head;
	}

	enum Finding {

		LINEARIZABLE, NOT_LINEARIZABLE, GAVE_UP

	}

	/**
	 * @param blocked when not linearizable, the operation whose return the deepest
	 * partial order could not get past
	 * @param steps how many entries the search visited
	 */
	record Result(Finding finding, AccountOp blocked, long steps) {

		boolean linearizable() {
			return this.finding == Finding.LINEARIZABLE;
		}

	}

	/**
	 * @param observation placed as an observation, with no alternative: undoing it undoes
	 * the choice before it too
	 */
	private record Placement(Entry entry, AccountModel.State before, boolean observation) {
	}

	/** An entry of the doubly linked list; lifting keeps its links so it can go back. */
	private static final class Entry {

		final AccountOp op;

		final boolean call;

		final double time;

		Entry match;

		Entry prev;

		Entry next;

		Entry(AccountOp op, boolean call, double time) {
			this.op = op;
			this.call = call;
			this.time = time;
		}

		void lift() {
			unlink(this);
			if (this.match != null) {
				unlink(this.match);
			}
		}

		/** Exactly the reverse of {@link #lift()}. */
		void unlift() {
			if (this.match != null) {
				relink(this.match);
			}
			relink(this);
		}

		private static void unlink(Entry entry) {
			entry.prev.next = entry.next;
			if (entry.next != null) {
				entry.next.prev = entry.prev;
			}
		}

		private static void relink(Entry entry) {
			entry.prev.next = entry;
			if (entry.next != null) {
				entry.next.prev = entry;
			}
		}

	}

}
