package dev.paxoshub.cluster;

import dev.paxoshub.cluster.ClusterView.ClusterSnapshot;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class ClusterController {

	private final ClusterView cluster;

	ClusterController(ClusterView cluster) {
		this.cluster = cluster;
	}

	@GetMapping("/cluster")
	String cluster(Model model) {
		ClusterSnapshot snapshot = this.cluster.snapshot();
		model.addAttribute("nodes", snapshot.nodes());
		model.addAttribute("conflictNames", snapshot.conflictNames());
		return "cluster/cluster";
	}

	@GetMapping("/api/cluster")
	@ResponseBody
	ClusterSnapshot clusterApi() {
		return this.cluster.snapshot();
	}

}
