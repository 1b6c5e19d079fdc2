package dev.paxoshub.cluster;

import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.store.AccountStore;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NodeAccountsApiController {

	static final String PATH = "/api/node/accounts";

	private final NodeIdentity node;

	private final AccountStore store;

	NodeAccountsApiController(NodeIdentity node, AccountStore store) {
		this.node = node;
		this.store = store;
	}

	@GetMapping(PATH)
	NodeAccounts accounts() {
		return new NodeAccounts(this.node.name(), this.store.records());
	}

}
