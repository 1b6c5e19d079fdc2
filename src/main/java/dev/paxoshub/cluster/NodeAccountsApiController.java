package dev.paxoshub.cluster;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusStatus;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.store.AccountStore;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NodeAccountsApiController {

	static final String PATH = "/api/node/accounts";

	private final NodeIdentity node;

	private final AccountStore store;

	private final Consensus consensus;

	record NodeStatus(String node, ConsensusStatus consensus) {
	}

	NodeAccountsApiController(NodeIdentity node, AccountStore store, Consensus consensus) {
		this.node = node;
		this.store = store;
		this.consensus = consensus;
	}

	/** Who this node is and its consensus status, without the accounts. */
	@GetMapping("/api/node")
	NodeStatus node() {
		return new NodeStatus(this.node.name(), this.consensus.status());
	}

	@GetMapping(PATH)
	NodeAccounts accounts() {
		return new NodeAccounts(this.node.name(), this.consensus.status(), this.store.records());
	}

}
