package dev.paxoshub.cluster;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusStatus;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.Refusals;
import dev.paxoshub.security.Operator;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this node holds, for people and programs, and for the other nodes' cluster views,
 * which read it through the signed internal path so that the operator can see emails
 * there too.
 */
@RestController
class NodeAccountsApiController {

	static final String PATH = "/api/node/accounts";

	static final String INTERNAL_PATH = "/internal/node/accounts";

	private final NodeIdentity node;

	private final ClusterView cluster;

	private final Consensus consensus;

	/**
	 * @param refusals the writes and reads this node refused for want of a majority
	 */
	record NodeStatus(String node, ConsensusStatus consensus, Refusals.Summary refusals) {
	}

	private final Refusals refusals;

	NodeAccountsApiController(NodeIdentity node, ClusterView cluster, Consensus consensus, Refusals refusals) {
		this.refusals = refusals;
		this.node = node;
		this.cluster = cluster;
		this.consensus = consensus;
	}

	/** Who this node is and its consensus status, without the accounts. */
	@GetMapping("/api/node")
	NodeStatus node() {
		return new NodeStatus(this.node.name(), this.consensus.status(), this.refusals.summary());
	}

	/** Emails only for the operator. */
	@GetMapping(PATH)
	NodeAccounts accounts(Authentication caller) {
		NodeAccounts accounts = everything();
		return Operator.is(caller) ? accounts : accounts.withoutEmails();
	}

	@GetMapping(INTERNAL_PATH)
	NodeAccounts everything() {
		return this.cluster.own();
	}

}
