package dev.paxoshub.consensus.off;

import java.time.Duration;
import java.util.Map;

import dev.paxoshub.store.AccountVersion;
import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.PeerReplicas;
import dev.paxoshub.consensus.Projection;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.store.AccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Periodically compares this node's accounts with each peer's and pulls every copy that
 * is newer there. This is how a node that was down catches up, and how two nodes that
 * both accepted {@code paxosexpert} end up each holding both accounts.
 */
@Component
class AntiEntropy implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AntiEntropy.class);

	private final NodeIdentity node;

	private final PeerReplicas replicas;

	private final AccountStore store;

	private final Projection applier;

	private final PaxoshubProperties properties;

	private final Consensus consensus;

	AntiEntropy(NodeIdentity node, PeerReplicas replicas, AccountStore store, Projection applier,
			PaxoshubProperties properties, Consensus consensus) {
		this.consensus = consensus;
		this.node = node;
		this.replicas = replicas;
		this.store = store;
		this.applier = applier;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		// The first pass waits one interval too: a node that just came back serves
		// requests before it
		// has caught up, which is the window in which the story's second paxosexpert is
		// born.
		Duration interval = this.properties.replication().antiEntropyInterval();
		registrar.addFixedDelayTask(new FixedDelayTask(this::pass, interval, interval));
	}

	/** One pass over every peer; an unreachable peer is skipped until the next pass. */
	void pass() {
		if (this.consensus.mode() != ConsensusMode.OFF) {
			return;
		}
		for (NodeAddress peer : this.node.peers()) {
			try {
				pullNewer(peer);
			}
			catch (RuntimeException ex) {
				log.debug("Anti-entropy with {} skipped: {}", peer.displayName(), ex.getMessage());
			}
		}
	}

	private void pullNewer(NodeAddress peer) {
		Map<String, AccountVersion> mine = this.store.versions();
		for (AccountVersion version : this.replicas.digest(peer)) {
			if (version.supersedes(mine.get(version.id()))) {
				this.replicas.fetch(peer, version.id())
					.filter(this.applier::apply)
					.ifPresent((account) -> log.info("{} caught up on account {} from {}", this.node.displayName(),
							version.id(), peer.displayName()));
			}
		}
	}

}
