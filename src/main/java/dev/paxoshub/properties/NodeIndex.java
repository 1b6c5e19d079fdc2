package dev.paxoshub.properties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of one observation, sorted once for every property: which can be compared (up
 * and connected), which were left out and why, and each comparable node's accounts by id.
 */
final class NodeIndex {

	private final List<NodeObservation> up = new ArrayList<>();

	private final List<NodeObservation> comparable = new ArrayList<>();

	private final List<String> down = new ArrayList<>();

	private final List<String> cutOff = new ArrayList<>();

	private final Map<String, Map<String, AccountCopy>> accountsById = new HashMap<>();

	NodeIndex(List<NodeObservation> nodes) {
		for (NodeObservation node : nodes) {
			if (!node.up()) {
				this.down.add(Wording.node(node.node()));
				continue;
			}
			this.up.add(node);
			if (!node.connected()) {
				this.cutOff.add(Wording.node(node.node()));
				continue;
			}
			this.comparable.add(node);
			Map<String, AccountCopy> byId = new HashMap<>(node.accounts().size() * 2);
			for (AccountCopy copy : node.accounts()) {
				byId.put(copy.id(), copy);
			}
			this.accountsById.put(node.node(), byId);
		}
	}

	/**
	 * The account a version names: its last stamp, or its revision for a copy without
	 * one.
	 */
	static String version(AccountCopy copy) {
		List<String> lineage = copy.lineage();
		return lineage.isEmpty() ? String.valueOf(copy.revision()) : lineage.get(lineage.size() - 1);
	}

	List<NodeObservation> up() {
		return this.up;
	}

	/** Up and connected, in the observation's order. */
	List<NodeObservation> comparable() {
		return this.comparable;
	}

	Map<String, AccountCopy> accountsOf(NodeObservation comparableNode) {
		return this.accountsById.get(comparableNode.node());
	}

	/**
	 * Who was left out, as a sentence's tail: "Trinity is cut off and not compared", "Neo
	 * is down and Trinity is cut off, so neither is compared"; null when nobody was.
	 */
	String leftOut(String participle) {
		List<String> reasons = new ArrayList<>();
		if (!this.down.isEmpty()) {
			reasons.add(Wording.and(this.down) + ((this.down.size() == 1) ? " is down" : " are down"));
		}
		if (!this.cutOff.isEmpty()) {
			reasons.add(Wording.and(this.cutOff) + ((this.cutOff.size() == 1) ? " is cut off" : " are cut off"));
		}
		if (reasons.isEmpty()) {
			return null;
		}
		int leftOut = this.down.size() + this.cutOff.size();
		if (reasons.size() == 1) {
			return reasons.get(0) + " and not " + participle;
		}
		return Wording.and(reasons) + ", so " + ((leftOut == 2) ? "neither is " : "none is ") + participle;
	}

}
