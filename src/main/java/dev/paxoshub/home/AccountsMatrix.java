package dev.paxoshub.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Who holds which account, one row per username and one column per node, so that a split
 * name stands out: a duplicate is one name held live by two different accounts (on two
 * nodes, or on one), a reconciled conflict is a copy that lost its name to an older claim
 * and is kept aside with {@code released} set.
 *
 * @param nodes the columns, in layout order
 */
record AccountsMatrix(List<NodeSnapshot> nodes, List<Row> rows) {

	static AccountsMatrix of(ClusterSnapshot cluster) {
		Map<String, List<Held>> byName = new TreeMap<>();
		for (NodeSnapshot node : cluster.nodes()) {
			for (NodeSnapshot.AccountRow account : node.accounts()) {
				byName.computeIfAbsent(account.username().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
					.add(new Held(node.name(), account));
			}
		}
		Map<String, String> names = cluster.nodes()
			.stream()
			.collect(Collectors.toMap(NodeSnapshot::name, NodeSnapshot::displayName));
		List<Row> rows = new ArrayList<>();
		byName.forEach((username, held) -> rows.add(row(username, held, cluster.nodes(), names)));
		return new AccountsMatrix(cluster.nodes(), rows);
	}

	private static Row row(String username, List<Held> held, List<NodeSnapshot> nodes, Map<String, String> names) {
		Set<String> liveIds = held.stream()
			.filter((h) -> !h.account().released())
			.map((h) -> h.account().id())
			.collect(Collectors.toSet());
		boolean duplicate = liveIds.size() > 1;
		List<List<Copy>> cells = new ArrayList<>();
		for (NodeSnapshot node : nodes) {
			cells.add(held.stream()
				.filter((h) -> h.node().equals(node.name()))
				.map((h) -> Copy.of(h.account(), duplicate, names))
				.toList());
		}
		boolean reconciled = held.stream().anyMatch((h) -> h.account().released());
		return new Row(username, duplicate, reconciled, cells);
	}

	private record Held(String node, NodeSnapshot.AccountRow account) {
	}

	/**
	 * @param duplicate whether the name stands for more than one live account
	 * @param reconciled whether some copy lost the name in a reconciliation
	 * @param cells what each node holds under the name, in the order of the columns
	 */
	record Row(String username, boolean duplicate, boolean reconciled, List<List<Copy>> cells) {
	}

	/**
	 * One record as one node holds it.
	 *
	 * @param shortId enough of the account's id to tell two accounts apart by eye
	 * @param origin the node that created it, by its display name
	 * @param duplicate a live copy of a name another live account holds too
	 */
	record Copy(String id, String shortId, long revision, String origin, boolean released, boolean duplicate) {

		static Copy of(NodeSnapshot.AccountRow account, boolean duplicate, Map<String, String> names) {
			String id = account.id();
			String shortId = (id.length() > 8) ? id.substring(0, 8) : id;
			String origin = names.getOrDefault(account.originNode(), account.originNode());
			return new Copy(id, shortId, account.revision(), origin, account.released(),
					duplicate && !account.released());
		}

	}

}
