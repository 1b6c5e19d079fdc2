package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How long writes were unavailable around each fault: the longest stretch without a write
 * the cluster decided (an acknowledged claim or edit, or a claim refused because the name
 * was taken: with consensus ON that refusal is the agreed map's answer, so the cluster
 * was there to give it, even when the pool's names were all claimed already), from the
 * fault's start until a second after it was lifted, or until writes succeeded again if
 * they took longer than that to come back. Never past the end of the run: once the
 * clients stop nobody writes, and a fault lifted after that (a killed node started again
 * while the run winds down) is not an outage for the time nobody asked.
 */
final class Outages {

	/** Writes resuming this soon after the fault are the fault's doing, not the run's. */
	static final double AFTER_FAULT_MS = 1000;

	private Outages() {
	}

	static List<Verdict.Outage> of(History history) {
		double[] writes = history.ops().stream().filter(Outages::decidedWrite).mapToDouble(Op::end).sorted().toArray();
		List<Verdict.Outage> outages = new ArrayList<>();
		List<Fault> faults = (history.faults() != null) ? history.faults() : List.of();
		faults.stream().sorted(Comparator.comparingDouble(Fault::start).thenComparing(Fault::node)).forEach((fault) -> {
			double unavailable = longestGap(writes, fault.start(), windowEnd(writes, fault, history.durationMs()));
			outages.add(new Verdict.Outage(fault.kind(), fault.node(), fault.start(), fault.end(), unavailable,
					sentence(fault, unavailable)));
		});
		return outages;
	}

	private static boolean decidedWrite(Op op) {
		return switch (op.kind()) {
			case CLAIM -> op.ok() || (op.outcome() == Op.Outcome.FAIL && op.status() == AccountOps.TAKEN);
			case EDIT -> op.ok();
			case READ -> false;
		};
	}

	/**
	 * A second after the fault was lifted, later if writes had not come back by then; the
	 * end of the run at the latest.
	 */
	private static double windowEnd(double[] writes, Fault fault, double runEnd) {
		double end = fault.end() + AFTER_FAULT_MS;
		int next = firstAtOrAfter(writes, fault.end());
		double resumed = (next < writes.length) ? writes[next] : runEnd;
		return Math.max(fault.start(), Math.min(runEnd, Math.max(end, resumed)));
	}

	static double longestGap(double[] writes, double from, double to) {
		double longest = 0;
		double previous = from;
		for (int i = firstAtOrAfter(writes, from); i < writes.length && writes[i] <= to; i++) {
			longest = Math.max(longest, writes[i] - previous);
			previous = writes[i];
		}
		return Math.max(longest, to - previous);
	}

	private static int firstAtOrAfter(double[] sorted, double time) {
		int found = Arrays.binarySearch(sorted, time);
		if (found < 0) {
			return -found - 1;
		}
		while (found > 0 && sorted[found - 1] == time) {
			found--;
		}
		return found;
	}

	private static String sentence(Fault fault, double unavailable) {
		String what = what(fault);
		if (unavailable < AFTER_FAULT_MS) {
			return "Writes went on after " + what + ": the longest pause was " + Phrases.duration(unavailable) + ".";
		}
		return "Writes stopped for " + Phrases.duration(unavailable) + " after " + what + ".";
	}

	private static String what(Fault fault) {
		String node = Phrases.node(fault.node());
		return switch (String.valueOf(fault.kind())) {
			case "kill" -> node + " was killed";
			case "pause" -> node + " was paused";
			case "partition" -> node + " was cut off from the others";
			case "partition-leader" -> node + ", the leader, was cut off from the others";
			case "flaky" -> node + "'s network turned flaky";
			default -> "the " + fault.kind() + " fault hit " + node;
		};
	}

}
