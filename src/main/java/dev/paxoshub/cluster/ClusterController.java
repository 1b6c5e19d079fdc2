package dev.paxoshub.cluster;

import java.util.List;

import dev.paxoshub.cluster.ClusterView.ClusterSnapshot;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.ConsensusToggle;
import dev.paxoshub.consensus.Reconciliation;
import dev.paxoshub.security.Operator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cluster page and its consensus switch. Anyone may look; only the operator may
 * switch (see SecurityConfiguration), and only the operator sees the accounts' emails.
 */
@Controller
class ClusterController {

	private final ClusterView cluster;

	private final ConsensusToggle toggle;

	private final ObjectProvider<Reconciliation> reconciliation;

	ClusterController(ClusterView cluster, ConsensusToggle toggle, ObjectProvider<Reconciliation> reconciliation) {
		this.cluster = cluster;
		this.toggle = toggle;
		this.reconciliation = reconciliation;
	}

	@GetMapping("/cluster")
	String cluster(@RequestParam(name = "switched", required = false) String switched, Authentication viewer,
			Model model) {
		ClusterSnapshot snapshot = this.cluster.snapshot(Operator.is(viewer));
		model.addAttribute("nodes", snapshot.nodes());
		model.addAttribute("conflictNames", snapshot.conflictNames());
		model.addAttribute("reconciledNames", snapshot.reconciledNames());
		model.addAttribute("consensusConflicts", conflicts());
		// Only a mode the switch can produce: the banner must never repeat what someone
		// put in a link.
		if ("on".equalsIgnoreCase(switched) || "off".equalsIgnoreCase(switched)) {
			model.addAttribute("toggleResult",
					"Consensus is now " + switched.toUpperCase() + " on every node that answered.");
		}
		return "cluster/cluster";
	}

	@PostMapping("/cluster/consensus")
	String switchConsensus(@RequestParam ConsensusMode mode) {
		this.toggle.switchCluster(mode);
		return "redirect:/cluster?switched=" + mode.name().toLowerCase();
	}

	private List<String> conflicts() {
		Reconciliation settled = this.reconciliation.getIfAvailable();
		return (settled != null) ? settled.conflicts() : List.of();
	}

}
