package dev.paxoshub.checker;

import java.util.List;

/**
 * What the checker found. {@code valid} only when there is no duplicate, no lost
 * acknowledged write, no stale read, every key is linearizable and every node served
 * again within the limit after the faults stopped.
 *
 * @param mode the consensus mode the nodes reported (on or off)
 * @param valid the overall verdict
 * @param operations how many operations the history holds
 * @param duplicates names with two acknowledged owners (or two live accounts at the end)
 * @param lostWrites acknowledged accounts or edits missing after healing
 * @param staleReads reads older than a write acknowledged before they began
 * @param keys the linearizability check of each username's history
 * @param outages how long writes were unavailable around each fault
 * @param recoveries how soon each node served again after the faults stopped
 * @param checkMillis how long the check itself took
 */
public record Verdict(String mode, boolean valid, int operations, List<Duplicate> duplicates,
		List<LostWrite> lostWrites, List<StaleRead> staleReads, List<KeyResult> keys, List<Outage> outages,
		List<Recovery> recoveries, double checkMillis) {

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
	 */
	public record KeyResult(String key, int operations, boolean linearizable, List<Integer> ops, String explanation) {
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
