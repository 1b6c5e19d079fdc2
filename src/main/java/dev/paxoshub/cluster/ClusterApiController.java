package dev.paxoshub.cluster;

import java.util.Locale;

import dev.paxoshub.cluster.ClusterView.ClusterSnapshot;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.ConsensusToggle;
import dev.paxoshub.security.Operator;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The cluster page's JSON twin, and the consensus switch for programs. */
@RestController
class ClusterApiController {

	private final ClusterView cluster;

	private final ConsensusToggle toggle;

	ClusterApiController(ClusterView cluster, ConsensusToggle toggle) {
		this.cluster = cluster;
		this.toggle = toggle;
	}

	/** Emails only for the operator. */
	@GetMapping("/api/cluster")
	ClusterSnapshot cluster(Authentication caller) {
		return this.cluster.snapshot(Operator.is(caller));
	}

	/**
	 * Operator only (see SecurityConfiguration): every switch to ON reconciles the whole
	 * cluster.
	 */
	@PutMapping("/api/cluster/consensus")
	ConsensusToggle.Result switchConsensus(@Valid @RequestBody ModeRequest request) {
		return this.toggle.switchCluster(ConsensusMode.valueOf(request.mode().toUpperCase(Locale.ROOT)));
	}

	record ModeRequest(@NotNull(message = "Say which mode: \"on\" or \"off\".") @Pattern(regexp = "(?i)on|off",
			message = "The mode is \"on\" or \"off\".") String mode) {
	}

}
