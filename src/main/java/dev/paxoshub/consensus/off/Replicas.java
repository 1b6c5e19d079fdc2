package dev.paxoshub.consensus.off;

import java.util.List;
import java.util.Optional;

import dev.paxoshub.consensus.AccountCodec;
import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.ConsensusRefusedException;
import dev.paxoshub.consensus.Projection;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.store.AccountStore;
import dev.paxoshub.store.AccountVersion;

import org.springframework.stereotype.Service;

/**
 * What this node gives its peers of its accounts, and takes from them: the versions it
 * holds, a copy of one account exactly as stored, and a pushed copy, taken only while
 * consensus is OFF. With consensus ON an account changes through Raft alone, so a copy
 * pushed from outside it (a stray push from before the switch, or a forgery) could only
 * put something nobody agreed on into this node's database.
 */
@Service
public class Replicas {

	private final AccountStore store;

	private final AccountCodec codec;

	private final Projection projection;

	private final Consensus consensus;

	private final NodeIdentity node;

	Replicas(AccountStore store, AccountCodec codec, Projection projection, Consensus consensus, NodeIdentity node) {
		this.store = store;
		this.codec = codec;
		this.projection = projection;
		this.consensus = consensus;
		this.node = node;
	}

	public List<AccountVersion> versions() {
		return List.copyOf(this.store.versions().values());
	}

	/**
	 * The account as stored, hash and all, as JSON; empty when this node does not hold
	 * it.
	 */
	public Optional<String> copy(String id) {
		return this.store.byId(id).map(this.codec::write);
	}

	/**
	 * @throws ConsensusRefusedException while consensus is ON
	 */
	public void receive(String copy) {
		if (this.consensus.mode() != ConsensusMode.OFF) {
			throw new ConsensusRefusedException("Consensus is ON on " + this.node.displayName()
					+ ": accounts change only through Raft, so a replica push is refused and nothing was stored.");
		}
		this.projection.apply(this.codec.read(copy));
	}

}
