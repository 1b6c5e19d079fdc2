package dev.paxoshub.consensus.off;

import java.util.List;

import dev.paxoshub.consensus.AccountCodec;
import dev.paxoshub.store.AccountVersion;
import dev.paxoshub.consensus.PeerReplicas;
import dev.paxoshub.consensus.Projection;
import dev.paxoshub.store.AccountStore;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Node-to-node replication endpoints; the security chain admits only callers with the cluster secret. */
@RestController
class ReplicaController {

	private final AccountStore store;

	private final AccountCodec codec;

	private final Projection applier;

	ReplicaController(AccountStore store, AccountCodec codec, Projection applier) {
		this.store = store;
		this.codec = codec;
		this.applier = applier;
	}

	@PostMapping(path = PeerReplicas.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> receive(@RequestBody String body) {
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
