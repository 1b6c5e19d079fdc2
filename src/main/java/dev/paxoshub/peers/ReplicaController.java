package dev.paxoshub.peers;

import java.util.List;

import dev.paxoshub.consensus.PeerReplicas;
import dev.paxoshub.consensus.off.Replicas;
import dev.paxoshub.store.AccountVersion;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replication between nodes; the security chain admits only calls signed with the cluster
 * key.
 */
@RestController
class ReplicaController {

	private final Replicas replicas;

	ReplicaController(Replicas replicas) {
		this.replicas = replicas;
	}

	@PostMapping(path = PeerReplicas.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> receive(@RequestBody String body) {
		this.replicas.receive(body);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(PeerReplicas.PATH)
	List<AccountVersion> digest() {
		return this.replicas.versions();
	}

	@GetMapping(path = PeerReplicas.PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> replica(@PathVariable String id) {
		return ResponseEntity.of(this.replicas.copy(id));
	}

}
