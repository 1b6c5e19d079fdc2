package dev.paxoshub.consensus;

import java.util.List;
import java.util.Optional;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.node.PeerClient;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.AccountVersion;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/**
 * Reads another node's accounts as stored, through its replica endpoints: what
 * anti-entropy pulls with consensus OFF, and what reconciliation gathers when consensus
 * is turned ON.
 */
@Component
public class PeerReplicas {

	/** Served by every node, behind the cluster secret. */
	public static final String PATH = PeerClient.REPLICAS;

	private static final ParameterizedTypeReference<List<AccountVersion>> DIGEST = new ParameterizedTypeReference<>() {
	};

	private final PeerClient peers;

	private final AccountCodec codec;

	PeerReplicas(PeerClient peers, AccountCodec codec) {
		this.peers = peers;
		this.codec = codec;
	}

	/** The version of every account the peer holds. */
	public List<AccountVersion> digest(NodeAddress peer) {
		return this.peers.rest().get().uri(PeerClient.uri(peer, PATH)).retrieve().body(DIGEST);
	}

	public Optional<Account> fetch(NodeAddress peer, String id) {
		String body = this.peers.rest()
			.get()
			.uri(PeerClient.uri(peer, PATH + "/{id}", id))
			.retrieve()
			.body(String.class);
		return Optional.ofNullable(body).map(this.codec::read);
	}

}
