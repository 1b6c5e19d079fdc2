package dev.paxoshub.properties;

import java.util.List;

/**
 * What one node looked like at one moment.
 *
 * @param node the node's name, such as {@code neo}
 * @param up whether it answered at all
 * @param connected whether it could talk to its peers (not partitioned, not away on a
 * flaky network); a node can be up and not connected
 * @param writable whether it said it would accept a write (with consensus ON: it sees a
 * majority)
 * @param refusalsSoFar how many writes it has refused since it started (503 for no
 * majority), so that an increase between two observations shows refusals in between
 * @param accounts every account record it holds, duplicates included; empty when not up
 */
public record NodeObservation(String node, boolean up, boolean connected, boolean writable, long refusalsSoFar,
		List<AccountCopy> accounts) {
}
