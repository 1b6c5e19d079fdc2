package dev.paxoshub.checker;

import java.util.List;
import java.util.Map;

/**
 * What each node holds once every fault is lifted and the cluster had time to settle: the
 * second input of the checker, next to the history.
 *
 * @param healedAt when the last fault was lifted (milliseconds since the run began)
 * @param nodes per node name
 */
public record FinalState(double healedAt, Map<String, NodeFinal> nodes) {

	/**
	 * @param node its name
	 * @param servingAfterMs how long after {@code healedAt} it first answered a read, or
	 * null if it never did while the runner waited
	 * @param records every account record its database holds, duplicates included
	 * @param served per username, the account the node shows for that name (absent when
	 * it answers 404)
	 */
	public record NodeFinal(String node, Double servingAfterMs, List<Stored> records, Map<String, Served> served) {
	}

	/** One account record, as the operator sees it: with its email. */
	public record Stored(String id, String username, String email, boolean released) {
	}

	/** The account a node shows for a name, as anyone reading it would. */
	public record Served(String id, String displayName) {
	}

}
