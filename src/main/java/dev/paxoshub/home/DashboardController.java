package dev.paxoshub.home;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A cluster's live dashboard, for everyone: the page, whole, and the stream that keeps it
 * up to date. The operator also gets the chaos controls (see ChaosPageController).
 */
@Controller
@RequestMapping("/clusters/{cluster}")
class DashboardController {

	static final String VIEW = "home/dashboard";

	private final Clusters clusters;

	private final Dashboards dashboards;

	private final DashboardStream stream;

	DashboardController(Clusters clusters, Dashboards dashboards, DashboardStream stream) {
		this.clusters = clusters;
		this.dashboards = dashboards;
		this.stream = stream;
	}

	@GetMapping
	String dashboard(@PathVariable String cluster, Authentication caller, Model model) {
		ClusterSupervisor supervisor = PageLookups.cluster(this.clusters, cluster);
		model.addAttribute("dash", this.dashboards.of(supervisor));
		model.addAttribute("operator", isOperator(caller));
		return VIEW;
	}

	@GetMapping("/events")
	SseEmitter events(@PathVariable String cluster) {
		return this.stream.watch(PageLookups.cluster(this.clusters, cluster));
	}

	static boolean isOperator(Authentication caller) {
		return caller != null && caller.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + HomeSecurity.OPERATOR).equals(authority.getAuthority()));
	}

}
