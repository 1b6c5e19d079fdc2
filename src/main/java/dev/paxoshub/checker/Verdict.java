package dev.paxoshub.checker;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the checker found. {@link Validity#VALID} only when there is no duplicate, no lost
 * acknowledged write, no stale read, every key is linearizable and every node served
 * again within the limit after the faults stopped.
 *
 * @param mode the consensus mode the nodes reported (on or off)
 * @param validity the overall verdict
 * @param operations how many operations the history holds
 * @param duplicates names with two acknowledged owners (or two live accounts at the end)
 * @param lostWrites acknowledged accounts or edits missing after healing
 * @param staleReads reads older than a write acknowledged before they began
 * @param keys the linearizability check of each username's history
 * @param outages how long writes were unavailable around each fault
 * @param recoveries how soon each node served again after the faults stopped
 * @param checkMillis how long the check itself took
 */
@JsonPropertyOrder({ "mode", "valid", "validity" })
public record Verdict(String mode, Validity validity, int operations, List<Duplicate> duplicates,
		List<LostWrite> lostWrites, List<StaleRead> staleReads, List<KeyResult> keys, List<Outage> outages,
		List<Recovery> recoveries, double checkMillis) {

	/**
	 * Written to result.json beside {@code validity}, as Jepsen's {@code :valid?} is:
	 * true only for a run proven valid, so that readers of the two-valued verdict still
	 * read it right.
	 */
	@JsonProperty("valid")
	public boolean valid() {
		return this.validity == Validity.VALID;
	}

	/** The names the search found so; a verdict built by hand may leave the list out. */
	public List<KeyResult> keys(KeyStatus status) {
		return (this.keys != null) ? this.keys.stream().filter((key) -> key.status() == status).toList() : List.of();
	}

	/**
	 * As Jepsen has it: any anomaly makes a run invalid; without one, a name the search
	 * could not decide leaves the run unknown rather than valid.
	 */
	public enum Validity {

		VALID, INVALID, UNKNOWN

	}

	/** Whether some order of a name's operations explains every answer. */
	public enum KeyStatus {

		LINEARIZABLE, NOT_LINEARIZABLE,

		/** The search ran out of steps or memory first: neither proven nor disproven. */
		UNDECIDED

	}

	/** One name told to two owners: the ops that acknowledged them, the accounts made. */
	public record Duplicate(String key, List<String> accountIds, List<Integer> ops, String explanation) {
	}

	/** An acknowledged claim or edit that a node no longer shows after healing. */
	public record LostWrite(String key, int op, String node, String explanation) {
	}

	/** A read that returned something older than a write acknowledged before it began. */
	public record StaleRead(String key, int op, int missed, String explanation) {
	}

	/**
	 * @param ops when not linearizable, the operations no order could explain (the first
	 * one that could not be placed, and those it conflicts with)
	 * @param explanation why, when not linearizable or undecided
	 */
	public record KeyResult(String key, int operations, KeyStatus status, List<Integer> ops, String explanation) {
	}

	/**
	 * @param unavailableMs the longest stretch, from the fault's start until writes
	 * succeeded again after it, with no acknowledged write
	 */
	public record Outage(String fault, String node, double start, double end, double unavailableMs,
			String explanation) {
	}

	/**
	 * @param servedAfterMs null when the node never served again while the runner waited
	 */
	public record Recovery(String node, Double servedAfterMs, boolean withinLimit) {
	}

}
