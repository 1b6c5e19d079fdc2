package dev.paxoshub.home;

import java.net.URI;
import java.util.List;

/**
 * One node as the home last saw it, from the node's own APIs (and its supervisor, for
 * whether it runs at all).
 *
 * @param running whether its process part runs (false once killed)
 * @param answering whether it answered the home just now (a node away on a flaky network,
 * or just killed, does not)
 * @param faults the link faults it applies, as sentences
 * @param flaky whether its network comes and goes
 * @param mode its consensus mode, {@code ON} or {@code OFF}; null when it did not answer
 * @param raftState its Raft member's state ({@code joining}, {@code ready}, ...)
 * @param role its Raft role in lower case, or null
 * @param writable whether it would take a write now
 * @param refusals how many writes and reads it refused since it started
 * @param accounts every account record it holds; empty when it did not answer
 */
public record NodeSnapshot(String name, String displayName, String color, URI url, boolean running, boolean answering,
		List<String> faults, boolean flaky, boolean away, String mode, String raftState, String role, Long term,
		String leader, Long commitIndex, boolean writable, long refusals, List<AccountRow> accounts) {

	/** How the dashboard sums the node up: down, away, partitioned, slow, or up. */
	public String condition() {
		if (!this.running) {
			return "down";
		}
		if (this.away || (this.flaky && !this.answering)) {
			return "flaky";
		}
		if (!this.answering) {
			return "silent";
		}
		if (this.faults.stream()
			.anyMatch((fault) -> fault.startsWith("cut") || fault.startsWith("hears") || fault.startsWith("cannot"))) {
			return "partitioned";
		}
		if (this.faults.stream().anyMatch((fault) -> fault.startsWith("slow"))) {
			return "slow";
		}
		return this.flaky ? "flaky" : "up";
	}

	/**
	 * One account record on one node.
	 *
	 * @param released whether reconciliation settled that it lost its name (kept aside)
	 * @param lineage the version stamps of its history, oldest first
	 */
	public record AccountRow(String id, String username, String originNode, long revision, boolean released,
			List<String> lineage) {
	}

}
