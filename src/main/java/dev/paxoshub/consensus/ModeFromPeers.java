package dev.paxoshub.consensus;

import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.node.PeerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The mode can be switched while nodes run, so a node that comes back takes the mode its
 * peers are in rather than the one it was started with; alone, it keeps its configured
 * mode.
 */
@Component
class ModeFromPeers {

	private static final Logger log = LoggerFactory.getLogger(ModeFromPeers.class);

	private final SwitchableConsensus consensus;

	private final NodeIdentity node;

	private final PeerClient peers;

	ModeFromPeers(SwitchableConsensus consensus, NodeIdentity node, PeerClient peers) {
		this.consensus = consensus;
		this.node = node;
		this.peers = peers;
	}

	/** What a peer's {@code /api/node} says, as far as the mode goes. */
	record PeerStatus(ConsensusStatus consensus) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void adoptPeersMode() {
		for (NodeAddress peer : this.node.peers()) {
			try {
				PeerStatus status = this.peers.rest()
					.get()
					.uri(PeerClient.uri(peer, "/api/node"))
					.retrieve()
					.body(PeerStatus.class);
				ConsensusMode theirs = status.consensus().mode();
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
