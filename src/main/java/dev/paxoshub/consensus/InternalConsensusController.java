package dev.paxoshub.consensus;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** How one node tells another to switch mode; behind the cluster secret like all /internal calls. */
@RestController
class InternalConsensusController {

	static final String PATH = "/internal/consensus/{mode}";

	private final SwitchableConsensus consensus;

	InternalConsensusController(SwitchableConsensus consensus) {
		this.consensus = consensus;
	}

	@PostMapping(PATH)
	ResponseEntity<Void> switchTo(@PathVariable String mode) {
		this.consensus.switchTo(ConsensusMode.valueOf(mode.toUpperCase()));
		return ResponseEntity.noContent().build();
	}

}
