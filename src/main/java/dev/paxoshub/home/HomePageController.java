package dev.paxoshub.home;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The demo's home page: what paxoshub shows, and the way into every cluster. */
@Controller
class HomePageController {

	private final Clusters clusters;

	private final ClusterWatch watch;

	HomePageController(Clusters clusters, ClusterWatch watch) {
		this.clusters = clusters;
		this.watch = watch;
	}

	@GetMapping("/")
	String home(Model model) {
		List<ClusterSnapshot> snapshots = this.clusters.all().stream().map(this.watch::snapshot).toList();
		model.addAttribute("clusters", snapshots);
		return "home/index";
	}

	@GetMapping("/login")
	String login() {
		return "home/login";
	}

}
