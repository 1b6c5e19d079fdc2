package dev.paxoshub.consensus.raft;

import dev.paxoshub.node.Links;
import dev.paxoshub.node.NodeIdentity;
import io.atomix.core.Atomix;
import io.atomix.core.AtomixConfig;

/**
 * An Atomix member whose messaging and unicast go through this node's {@link Links},
 * handed in through Atomix's protected constructor: chaos on a link reaches Raft itself,
 * and the dashboard sees every message.
 */
final class LinkedAtomix extends Atomix {

	private LinkedAtomix(AtomixConfig config, Links links, NodeIdentity node) {
		super(config, AtomixFactory.registry(),
				new LinkedMessaging(buildMessagingService(config.getClusterConfig()), links, node),
				new LinkedUnicast(buildUnicastService(config.getClusterConfig()), links, node),
				buildBroadcastService(config.getClusterConfig()));
	}

	static AtomixFactory factory(Links links, NodeIdentity node) {
		return (config) -> new LinkedAtomix(config, links, node);
	}

}
