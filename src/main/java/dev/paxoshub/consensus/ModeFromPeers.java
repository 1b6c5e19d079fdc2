package dev.paxoshub.consensus;

import java.util.Map;

import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.node.PeerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * The mode can be switched while nodes run, so a node that comes back takes the mode its peers
 * are in rather than the one it was started with; alone, it keeps its configured mode.
 */
@Component
class ModeFromPeers {

	private static final Logger log = LoggerFactory.getLogger(ModeFromPeers.class);

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final SwitchableConsensus consensus;

	private final NodeIdentity node;

	private final PeerClient peers;

	ModeFromPeers(SwitchableConsensus consensus, NodeIdentity node, PeerClient peers) {
		this.consensus = consensus;
		this.node = node;
		this.peers = peers;
	}

	@EventListener(ApplicationReadyEvent.class)
	void adoptPeersMode() {
		for (NodeAddress peer : this.node.peers()) {
			try {
				Map<String, Object> status = this.peers.rest()
					.get()
					.uri(PeerClient.uri(peer, "/api/node"))
					.retrieve()
					.body(JSON);
				Object mode = ((Map<?, ?>) status.get("consensus")).get("mode");
				ConsensusMode theirs = ConsensusMode.valueOf(String.valueOf(mode));
				if (theirs != this.consensus.mode()) {
					log.info("{} takes consensus {} from {}", this.node.displayName(), theirs, peer.displayName());
					this.consensus.switchTo(theirs);
				}
				return;
			}
			catch (RuntimeException ex) {
				log.debug("{} could not ask {} for the mode: {}", this.node.displayName(), peer.displayName(),
						ex.toString());
			}
		}
	}

}
