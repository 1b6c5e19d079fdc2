package dev.paxoshub.consensus.off;

import java.util.List;

import dev.paxoshub.consensus.AccountCodec;
import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.store.AccountVersion;
import dev.paxoshub.consensus.PeerReplicas;
import dev.paxoshub.consensus.Projection;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.store.AccountStore;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/**
 * Node-to-node replication endpoints; the security chain admits only calls signed with the
 * cluster key. A push is taken only while consensus is OFF: with consensus ON an account changes
 * through Raft alone, so a copy pushed from outside it (a stray push from before the switch, or a
 * forgery) could only put something nobody agreed on into this node's database.
 */
@RestController
class ReplicaController {

	private final AccountStore store;

	private final AccountCodec codec;

	private final Projection applier;

	private final Consensus consensus;

	private final NodeIdentity node;

	ReplicaController(AccountStore store, AccountCodec codec, Projection applier, Consensus consensus,
			NodeIdentity node) {
		this.store = store;
		this.codec = codec;
		this.applier = applier;
		this.consensus = consensus;
		this.node = node;
	}

	@PostMapping(path = PeerReplicas.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> receive(@RequestBody String body) {
		if (this.consensus.mode() != ConsensusMode.OFF) {
			throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"Consensus is ON on " + this.node.displayName()
							+ ": accounts change only through Raft, so a replica push is refused and nothing was stored."),
					null);
		}
		this.applier.apply(this.codec.read(body));
		return ResponseEntity.noContent().build();
	}

	@GetMapping(PeerReplicas.PATH)
	List<AccountVersion> digest() {
		return List.copyOf(this.store.versions().values());
	}

	@GetMapping(path = PeerReplicas.PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> replica(@PathVariable String id) {
		return this.store.byId(id)
			.map((account) -> ResponseEntity.ok(this.codec.write(account)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
