package dev.paxoshub.consensus.off;

import dev.paxoshub.consensus.AccountCodec;
import dev.paxoshub.consensus.PeerReplicas;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.node.PeerClient;
import dev.paxoshub.store.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Best-effort push of a committed account to every peer, after the user already has the
 * answer. A peer that is down simply misses it; {@link AntiEntropy} repairs that once it
 * is back.
 */
@Component
class Replicator {

	private static final Logger log = LoggerFactory.getLogger(Replicator.class);

	private final NodeIdentity node;

	private final PeerClient peers;

	private final AccountCodec codec;

	private final TaskExecutor executor;

	Replicator(NodeIdentity node, PeerClient peers, AccountCodec codec,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.node = node;
		this.peers = peers;
		this.codec = codec;
		this.executor = executor;
	}

	void push(Account account) {
		String body = this.codec.write(account);
		for (NodeAddress peer : this.node.peers()) {
			this.executor.execute(() -> send(peer, account.getUsername(), body));
		}
	}

	private void send(NodeAddress peer, String username, String body) {
		try {
			this.peers.rest()
				.post()
				.uri(PeerClient.uri(peer, PeerReplicas.PATH))
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RuntimeException ex) {
			log.info("{} could not tell {} about {}: {}", this.node.displayName(), peer.displayName(), username,
					ex.getMessage());
		}
	}

}
