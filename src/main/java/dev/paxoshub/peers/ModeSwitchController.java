package dev.paxoshub.peers;

import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.ConsensusToggle;
import dev.paxoshub.consensus.SwitchableConsensus;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How one node tells another to switch mode; signed with the cluster key like all
 * /internal calls.
 */
@RestController
class ModeSwitchController {

	private final SwitchableConsensus consensus;

	ModeSwitchController(SwitchableConsensus consensus) {
		this.consensus = consensus;
	}

	@PostMapping(ConsensusToggle.PEER_PATH)
	ResponseEntity<Void> switchTo(@PathVariable String mode) {
		this.consensus.switchTo(ConsensusMode.parse(mode)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.BAD_REQUEST,
					ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The mode is \"on\" or \"off\"."), null)));
		return ResponseEntity.noContent().build();
	}

}
