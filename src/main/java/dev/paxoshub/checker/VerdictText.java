package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A verdict in a few lines, for a terminal. */
final class VerdictText {

	private static final int SHOWN = 5;

	private VerdictText() {
	}

	static List<String> lines(History history, Verdict verdict) {
		List<String> lines = new ArrayList<>();
		long ok = history.ops().stream().filter(Op::ok).count();
		long unknown = history.ops().stream().filter((op) -> op.outcome() == Op.Outcome.UNKNOWN).count();
		lines.add(String.format(Locale.ROOT, "consensus %s: %s", verdict.mode(), verdict.validity()));
		lines.add(String.format(Locale.ROOT, "  %d operations in %.0f s (%d ok, %d failed, %d unknown), %d faults",
				verdict.operations(), history.durationMs() / 1000, ok, verdict.operations() - ok - unknown, unknown,
				history.faults().size()));
		lines.add(String.format(Locale.ROOT,
				"  duplicates %d, lost acknowledged writes %d, stale reads %d, keys not linearizable %d of %d"
						+ " (undecided %d)",
				verdict.duplicates().size(), verdict.lostWrites().size(), verdict.staleReads().size(),
				verdict.keys(Verdict.KeyStatus.NOT_LINEARIZABLE).size(), verdict.keys().size(),
				verdict.keys(Verdict.KeyStatus.UNDECIDED).size()));
		verdict.duplicates().stream().limit(SHOWN).forEach((d) -> lines.add("    duplicate: " + d.explanation()));
		verdict.lostWrites().stream().limit(SHOWN).forEach((l) -> lines.add("    lost: " + l.explanation()));
		verdict.staleReads().stream().limit(SHOWN).forEach((s) -> lines.add("    stale: " + s.explanation()));
		verdict.keys(Verdict.KeyStatus.NOT_LINEARIZABLE)
			.stream()
			.limit(SHOWN)
			.forEach((key) -> lines.add("    not linearizable: " + key.explanation()));
		verdict.keys(Verdict.KeyStatus.UNDECIDED)
			.stream()
			.limit(SHOWN)
			.forEach((key) -> lines.add("    undecided: " + key.key() + ": " + key.explanation()));
		double longest = verdict.outages().stream().mapToDouble(Verdict.Outage::unavailableMs).max().orElse(0);
		lines.add(String.format(Locale.ROOT, "  longest write outage around a fault: %.1f s", longest / 1000));
		for (Verdict.Recovery recovery : verdict.recoveries()) {
			lines
				.add(String.format(Locale.ROOT, "  %s served again %s", recovery.node(),
						(recovery.servedAfterMs() != null) ? String.format(Locale.ROOT,
								"%.1f s after the faults stopped", recovery.servedAfterMs() / 1000)
								: "never, while the checker waited"));
		}
		lines.add(String.format(Locale.ROOT, "  checked in %.0f ms", verdict.checkMillis()));
		return lines;
	}

}
