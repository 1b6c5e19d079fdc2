package dev.paxoshub.consensus.raft;

import java.time.Duration;
import java.util.Map;

import dev.paxoshub.consensus.AccountCodec;
import dev.paxoshub.consensus.Projection;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties;
import io.atomix.core.map.AsyncAtomicMap;
import io.atomix.core.map.AtomicMapEvent;
import io.atomix.utils.time.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps the node's database in step with what the Raft group agreed: each committed change is
 * applied as its event arrives, and a periodic pass over the whole map catches up whatever a node
 * missed while it was down or cut off.
 */
@Component
@ConditionalOnProperty(name = "paxoshub.raft.enabled", havingValue = "true", matchIfMissing = true)
class RaftProjectionSync implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(RaftProjectionSync.class);

	private final RaftMember member;

	private final AccountCodec codec;

	private final Projection projection;

	private final NodeIdentity node;

	private final Duration interval;

	private volatile AsyncAtomicMap<String, String> listening;

	RaftProjectionSync(RaftMember member, AccountCodec codec, Projection projection, NodeIdentity node,
			PaxoshubProperties properties) {
		this.member = member;
		this.codec = codec;
		this.projection = projection;
		this.node = node;
		this.interval = properties.replication().antiEntropyInterval();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::catchUp, this.interval);
	}

	void catchUp() {
		AsyncAtomicMap<String, String> accounts = this.member.accounts();
		if (accounts == null || !this.member.seesMajority()) {
			return;
		}
		if (this.listening != accounts) {
			accounts.addListener(this::committed);
			this.listening = accounts;
		}
		try {
			for (Map.Entry<String, Versioned<String>> entry : accounts.sync(this.interval).entrySet()) {
				this.projection.apply(this.codec.read(entry.getValue().value()));
			}
		}
		catch (RuntimeException ex) {
			log.debug("{} could not catch up with the Raft log: {}", this.node.displayName(), ex.toString());
		}
	}

	private void committed(AtomicMapEvent<String, String> event) {
		Versioned<String> value = event.newValue();
		if (value != null) {
			this.projection.apply(this.codec.read(value.value()));
		}
	}

}
