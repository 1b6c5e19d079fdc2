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

	private final CheckerRuns checkerRuns;

	HomePageController(Clusters clusters, ClusterWatch watch, CheckerRuns checkerRuns) {
		this.clusters = clusters;
		this.watch = watch;
		this.checkerRuns = checkerRuns;
	}

	@GetMapping("/")
	String home(Model model) {
		List<ClusterSnapshot> snapshots = this.clusters.all().stream().map(this.watch::snapshot).toList();
		model.addAttribute("clusters", snapshots);
		model.addAttribute("checkerRuns", this.checkerRuns.newestPerMode().values());
		return "home/index";
	}

	@GetMapping("/login")
	String login() {
		return "home/login";
	}

}
