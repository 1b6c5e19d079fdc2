package dev.paxoshub.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.paxoshub.node.TimeText;
import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusStatus;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.node.PeerClient;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.AccountRecord;
import dev.paxoshub.store.AccountStore;

import org.springframework.stereotype.Component;

/**
 * The cluster as this node can see it right now: its own database, and each peer's as the
 * peer reports it. A peer that does not answer in time is shown as down. Emails are
 * private, so only the operator's view has them.
 */
@Component
class ClusterView {

	private final NodeIdentity node;

	private final AccountStore store;

	private final PeerClient peers;

	private final Consensus consensus;

	ClusterView(NodeIdentity node, AccountStore store, PeerClient peers, Consensus consensus) {
		this.node = node;
		this.store = store;
		this.peers = peers;
		this.consensus = consensus;
	}

	ClusterSnapshot snapshot(boolean withEmails) {
		Map<String, NodeAccounts> reported = new HashMap<>();
		Map<String, String> errors = new HashMap<>();
		for (NodeAddress address : this.node.all()) {
			if (address.name().equals(this.node.name())) {
				reported.put(address.name(), own());
				continue;
			}
			try {
				reported.put(address.name(),
						this.peers.rest()
							.get()
							.uri(PeerClient.uri(address, NodeAccountsApiController.INTERNAL_PATH))
							.retrieve()
							.body(NodeAccounts.class));
			}
			catch (RuntimeException ex) {
				errors.put(address.name(), "No answer from " + address.displayName() + ".");
			}
		}
		Set<String> conflicts = conflictingNames(reported.values());
		Set<String> reconciled = reconciledNames(reported.values());
		List<NodeState> nodes = new ArrayList<>();
		for (NodeAddress address : this.node.all()) {
			NodeAccounts accounts = reported.get(address.name());
			List<AccountRow> rows = (accounts != null)
					? accounts.accounts().stream().map((r) -> AccountRow.of(r, conflicts, withEmails)).toList()
					: List.of();
			nodes.add(new NodeState(address.name(), address.displayName(), address.color(), address.url().toString(),
					accounts != null, errors.get(address.name()), (accounts != null) ? accounts.consensus() : null,
					rows));
		}
		return new ClusterSnapshot(this.node.name(), nodes, List.copyOf(conflicts), List.copyOf(reconciled));
	}

	/** This node's own records and consensus status, emails included. */
	NodeAccounts own() {
		return new NodeAccounts(this.node.name(), this.consensus.status(), this.store.records());
	}

	/** Names that stand for more than one distinct account anywhere in the cluster. */
	/**
	 * The names that stand for more than one live account somewhere. A copy put aside by
	 * reconciliation (released) no longer answers to its name, so it splits nothing.
	 */
	static Set<String> conflictingNames(Iterable<NodeAccounts> reports) {
		Map<String, Set<String>> idsByName = new HashMap<>();
		for (NodeAccounts report : reports) {
			for (AccountRecord record : report.accounts()) {
				if (record.released()) {
					continue;
				}
				idsByName.computeIfAbsent(Account.keyOf(record.username()), (k) -> new HashSet<>()).add(record.id());
			}
		}
		Set<String> conflicts = new TreeSet<>();
		idsByName.forEach((name, ids) -> {
			if (ids.size() > 1) {
				conflicts.add(name);
			}
		});
		return conflicts;
	}

	/** The names whose losing copies reconciliation kept aside, on any node. */
	static Set<String> reconciledNames(Iterable<NodeAccounts> reports) {
		Set<String> names = new TreeSet<>();
		reports.forEach((report) -> report.accounts()
			.stream()
			.filter(AccountRecord::released)
			.forEach((record) -> names.add(Account.keyOf(record.username()))));
		return names;
	}

	record ClusterSnapshot(String observer, List<NodeState> nodes, List<String> conflictNames,
			List<String> reconciledNames) {
	}

	record NodeState(String name, String displayName, String color, String url, boolean up, String error,
			ConsensusStatus consensus, List<AccountRow> accounts) {
	}

	record AccountRow(String id, String username, @JsonInclude(Include.NON_NULL) String email, String originNode,
			String createdAtText, long revision, boolean conflict, boolean released) {

		static AccountRow of(AccountRecord record, Set<String> conflicts, boolean withEmail) {
			return new AccountRow(record.id(), record.username(), withEmail ? record.email() : null,
					NodeAddress.displayName(record.originNode()), TimeText.of(record.createdAt()), record.revision(),
					!record.released() && conflicts.contains(Account.keyOf(record.username())), record.released());
		}

	}

}
