package dev.paxoshub.consensus;

import java.util.Optional;

import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.NodeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The one switch: every caller talks to this {@link Consensus}, which hands each call to
 * the OFF or the ON implementation, whichever mode the node is in now. The mode can be
 * changed while the node runs, and the node keeps it in its database: it starts in the
 * mode it was last switched to, and from {@code paxoshub.consensus} only the first time.
 */
@Component
@Primary
public class SwitchableConsensus implements Consensus {

	private static final Logger log = LoggerFactory.getLogger(SwitchableConsensus.class);

	private final Consensus off;

	private final Consensus on;

	private final NodeIdentity node;

	static final String MODE = "consensus.mode";

	private final NodeSettings remembered;

	private volatile ConsensusMode mode;

	SwitchableConsensus(@Qualifier("off") Consensus off, @Qualifier("on") ObjectProvider<Consensus> on,
			NodeIdentity node, ConsensusSettings settings, NodeSettings remembered) {
		this.off = off;
		this.on = on.getIfAvailable();
		this.node = node;
		this.remembered = remembered;
		this.mode = remembered.get(MODE).flatMap(ConsensusMode::parse).orElse(settings.consensus());
		if (this.mode == ConsensusMode.ON && this.on == null) {
			throw new IllegalStateException(
					"paxoshub.consensus=on needs a Raft member: set paxoshub.raft.enabled=true");
		}
	}

	/**
	 * @throws ConsensusRefusedException when ON is asked of a node that runs no Raft
	 * member
	 */
	public void switchTo(ConsensusMode mode) {
		if (mode == ConsensusMode.ON && this.on == null) {
			throw new ConsensusRefusedException(this.node.displayName()
					+ " runs without Raft (paxoshub.raft.enabled=false), so consensus cannot be turned on.");
		}
		if (this.mode != mode) {
			log.info("{} switches consensus {}", this.node.displayName(), mode);
			this.mode = mode;
		}
		this.remembered.put(MODE, mode.name());
	}

	private Consensus current() {
		return (this.mode == ConsensusMode.ON) ? this.on : this.off;
	}

	@Override
	public ConsensusMode mode() {
		return this.mode;
	}

	/**
	 * With consensus OFF the Raft member still runs, ready to be switched on: its state
	 * is shown too.
	 */
	@Override
	public ConsensusStatus status() {
		if (this.on == null) {
			return this.off.status();
		}
		ConsensusStatus raft = this.on.status();
		if (this.mode == ConsensusMode.ON) {
			return raft;
		}
		return new ConsensusStatus(ConsensusMode.OFF, raft.state(), this.off.status().writable(), raft.role(),
				raft.term(), raft.leader(), raft.commitIndex(), raft.lastApplied());
	}

	@Override
	public void register(Account account) {
		current().register(account);
	}

	@Override
	public void update(Account account) {
		current().update(account);
	}

	@Override
	public Optional<String> resolve(String username) {
		return current().resolve(username);
	}

}
