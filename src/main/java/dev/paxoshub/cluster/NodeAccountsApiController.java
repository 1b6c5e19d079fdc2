package dev.paxoshub.cluster;

import dev.paxoshub.consensus.Consensus;
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

	NodeAccountsApiController(NodeIdentity node, AccountStore store, Consensus consensus) {
		this.node = node;
		this.store = store;
		this.consensus = consensus;
	}

	@GetMapping(PATH)
	NodeAccounts accounts() {
		return new NodeAccounts(this.node.name(), this.consensus.status(), this.store.records());
	}

}
