package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The run in a few numbers, so that a script (or a person skimming result.json) learns
 * whether it passed and why without walking the verdict's lists. The page's header shows
 * the same numbers.
 *
 * @param mode the consensus mode, on or off
 * @param validity the checker's verdict: valid, invalid, or unknown when no anomaly was
 * found but some username could not be decided
 * @param durationMs how long the clients ran
 * @param operations how many operations the history holds
 * @param outcomes operations per outcome: ok, fail, unknown (Jepsen's info)
 * @param kinds operations per kind: claim, edit, read
 * @param clients how many clients ran them
 * @param duplicates names told to two owners
 * @param lostWrites acknowledged writes missing after healing
 * @param staleReads reads that missed an acknowledged write
 * @param keysChecked usernames the linearizability check looked at
 * @param nonLinearizableKeys usernames whose history no order explains
 * @param undecidedKeys usernames the search gave up on, neither proven nor disproven
 * @param slowRecoveries nodes that did not serve again within the limit
 * @param faults what the nemesis did, in order
 * @param healedAtMs when the last fault was lifted, null when not recorded
 * @param checkMillis how long the check took
 */
@JsonPropertyOrder({ "mode", "valid", "validity", "durationMs", "operations", "outcomes", "kinds", "clients",
		"duplicates", "lostWrites", "staleReads", "keysChecked", "nonLinearizableKeys", "undecidedKeys",
		"slowRecoveries", "faults", "healedAtMs", "checkMillis" })
record RunSummary(String mode, Verdict.Validity validity, double durationMs, int operations,
		Map<String, Integer> outcomes, Map<String, Integer> kinds, int clients, int duplicates, int lostWrites,
		int staleReads, int keysChecked, int nonLinearizableKeys, int undecidedKeys, int slowRecoveries,
		List<Fault> faults, Double healedAtMs, double checkMillis) {

	static RunSummary of(History history, FinalState finalState, Verdict verdict) {
		Map<String, Integer> outcomes = new LinkedHashMap<>();
		for (Op.Outcome outcome : Op.Outcome.values()) {
			outcomes.put(Palette.name(outcome), 0);
		}
		Map<String, Integer> kinds = new LinkedHashMap<>();
		for (Op.Kind kind : Op.Kind.values()) {
			kinds.put(Palette.name(kind), 0);
		}
		for (Op op : history.ops()) {
			outcomes.merge(Palette.name(op.outcome()), 1, Integer::sum);
			kinds.merge(Palette.name(op.kind()), 1, Integer::sum);
		}
		int nonLinearizable = verdict.keys(Verdict.KeyStatus.NOT_LINEARIZABLE).size();
		int undecided = verdict.keys(Verdict.KeyStatus.UNDECIDED).size();
		int slow = (int) orEmpty(verdict.recoveries()).stream().filter((recovery) -> !recovery.withinLimit()).count();
		List<Fault> faults = new ArrayList<>(history.faults());
		faults.sort(Comparator.comparingDouble(Fault::start));
		return new RunSummary(mode(history, verdict), verdict.validity(), history.durationMs(), history.ops().size(),
				outcomes, kinds, TimelineSvg.clients(history).size(), orEmpty(verdict.duplicates()).size(),
				orEmpty(verdict.lostWrites()).size(), orEmpty(verdict.staleReads()).size(),
				orEmpty(verdict.keys()).size(), nonLinearizable, undecided, slow, faults,
				(finalState != null) ? finalState.healedAt() : null, verdict.checkMillis());
	}

	/**
	 * As in the verdict: true only for a run proven valid, for readers of the old field.
	 */
	@JsonProperty("valid")
	boolean valid() {
		return this.validity == Verdict.Validity.VALID;
	}

	/** The verdict's word first: it is what the nodes said when the check ran. */
	static String mode(History history, Verdict verdict) {
		return (verdict.mode() != null) ? verdict.mode() : history.mode();
	}

	int outcome(Op.Outcome outcome) {
		return this.outcomes.getOrDefault(Palette.name(outcome), 0);
	}

	/** A verdict built by hand or by an older checker may leave a list out. */
	static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
