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
		lines
			.add(String.format(Locale.ROOT, "consensus %s: %s", verdict.mode(), verdict.valid() ? "VALID" : "INVALID"));
		lines.add(String.format(Locale.ROOT, "  %d operations in %.0f s (%d ok, %d failed, %d unknown), %d faults",
				verdict.operations(), history.durationMs() / 1000, ok, verdict.operations() - ok - unknown, unknown,
				history.faults().size()));
		long nonLinearizable = verdict.keys().stream().filter((key) -> !key.linearizable()).count();
		lines.add(String.format(Locale.ROOT,
				"  duplicates %d, lost acknowledged writes %d, stale reads %d, keys not linearizable %d of %d",
				verdict.duplicates().size(), verdict.lostWrites().size(), verdict.staleReads().size(), nonLinearizable,
				verdict.keys().size()));
		verdict.duplicates().stream().limit(SHOWN).forEach((d) -> lines.add("    duplicate: " + d.explanation()));
		verdict.lostWrites().stream().limit(SHOWN).forEach((l) -> lines.add("    lost: " + l.explanation()));
		verdict.staleReads().stream().limit(SHOWN).forEach((s) -> lines.add("    stale: " + s.explanation()));
		verdict.keys()
			.stream()
			.filter((key) -> !key.linearizable())
			.limit(SHOWN)
			.forEach((key) -> lines.add("    not linearizable: " + key.explanation()));
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
