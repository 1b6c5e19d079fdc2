package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads that returned less than what had been acknowledged before they began: no account
 * after a claim, another account than the claimed one (another copy of the name), or a
 * display name older than an acknowledged edit. Real time alone decides, so what this
 * finds needs no search; what hides among overlapping operations is the search's to find.
 */
final class StaleReads {

	private StaleReads() {
	}

	static List<Verdict.StaleRead> of(List<KeyOps> keys) {
		return keys.stream().flatMap((key) -> of(key).stream()).toList();
	}

	private static List<Verdict.StaleRead> of(KeyOps key) {
		List<Op> claims = key.ok(Op.Kind.CLAIM)
			.stream()
			.filter((claim) -> claim.accountId() != null)
			.sorted(Comparator.comparingDouble(Op::end).thenComparingInt(Op::id))
			.toList();
		Writers writers = new Writers(key);
		Acknowledged edits = new Acknowledged(key);
		return key.ok(Op.Kind.READ)
			.stream()
			.sorted(Comparator.comparingInt(Op::id))
			.map((read) -> stale(key, read, claims, writers, edits))
			.flatMap(Optional::stream)
			.toList();
	}

	private static Optional<Verdict.StaleRead> stale(KeyOps key, Op read, List<Op> claims, Writers writers,
			Acknowledged edits) {
		List<Op> claimedBefore = claims.stream().filter((claim) -> claim.precedes(read)).toList();
		if (read.accountId() == null) {
			return claimedBefore.stream()
				.findFirst()
				.map((claim) -> new Verdict.StaleRead(key.key(), read.id(), claim.id(),
						Phrases.op(read) + " found no account named '" + key.key() + "', though " + Phrases.op(claim)
								+ " had made account " + claim.accountId() + " and been acknowledged "
								+ Phrases.duration(read.start() - claim.end()) + " before it began."));
		}
		Optional<Op> otherCopy = claimedBefore.stream()
			.filter((claim) -> !claim.accountId().equals(read.accountId()))
			.findFirst();
		if (otherCopy.isPresent()) {
			Op claim = otherCopy.get();
			return Optional.of(new Verdict.StaleRead(key.key(), read.id(), claim.id(),
					Phrases.op(read) + " saw account " + read.accountId() + " as '" + key.key()
							+ "', another copy than account " + claim.accountId() + " that " + Phrases.op(claim)
							+ " had made and been acknowledged " + Phrases.duration(read.start() - claim.end())
							+ " before it began."));
		}
		return edits.newerBefore(read, writers.lastWritten(read.accountId(), read.value()))
			.map((edit) -> new Verdict.StaleRead(key.key(), read.id(), edit.id(),
					Phrases.op(read) + " saw " + Phrases.displayName(read.value()) + " for account " + read.accountId()
							+ ", older than " + Phrases.displayName(edit.value()) + " that " + Phrases.op(edit)
							+ " had written and been acknowledged " + Phrases.duration(read.start() - edit.end())
							+ " before it began."));
	}

	/** Per account, its acknowledged edits in the order they completed. */
	private static final class Acknowledged {

		private final Map<String, List<Op>> byAccount = new HashMap<>();

		Acknowledged(KeyOps key) {
			key.ok(Op.Kind.EDIT)
				.stream()
				.filter((edit) -> edit.accountId() != null)
				.sorted(Comparator.comparingDouble(Op::end).thenComparingInt(Op::id))
				.forEach((edit) -> this.byAccount.computeIfAbsent(edit.accountId(), (account) -> new ArrayList<>())
					.add(edit));
		}

		/**
		 * The last acknowledged edit of the read's account that was over before the read
		 * began and began after the value read was last written. Only edits completed
		 * since that write can qualify, so the walk back stops there: on a long history a
		 * read costs what happened since its value was written, not the whole history.
		 */
		Optional<Op> newerBefore(Op read, double written) {
			List<Op> edits = this.byAccount.getOrDefault(read.accountId(), List.of());
			for (int i = endingBefore(edits, read.start()) - 1; i >= 0; i--) {
				Op edit = edits.get(i);
				if (edit.end() <= written) {
					break;
				}
				if (edit.start() > written) {
					return Optional.of(edit);
				}
			}
			return Optional.empty();
		}

		/** How many of the edits ended before that time. */
		private static int endingBefore(List<Op> edits, double time) {
			int low = 0;
			int high = edits.size();
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (edits.get(middle).end() < time) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			return low;
		}

	}

	/**
	 * When each display name was last written, by the edits that may have applied. A read
	 * of it is stale against an acknowledged edit that began after that.
	 */
	private static final class Writers {

		private final Map<String, Map<String, Double>> byAccount = new HashMap<>();

		Writers(KeyOps key) {
			key.ops()
				.stream()
				.filter((op) -> op.kind() == Op.Kind.EDIT && op.outcome() != Op.Outcome.FAIL && op.accountId() != null
						&& op.value() != null)
				.forEach((edit) -> this.byAccount.computeIfAbsent(edit.accountId(), (account) -> new HashMap<>())
					.merge(edit.value(), writtenUntil(edit), Math::max));
		}

		/**
		 * Never for a display name never set (or never written), for ever for one an
		 * unknown edit wrote: it may have applied at any time.
		 */
		double lastWritten(String account, String value) {
			if (value == null) {
				return Double.NEGATIVE_INFINITY;
			}
			return this.byAccount.getOrDefault(account, Map.of()).getOrDefault(value, Double.NEGATIVE_INFINITY);
		}

		private static double writtenUntil(Op edit) {
			return edit.ok() ? edit.end() : Double.POSITIVE_INFINITY;
		}

	}

}
