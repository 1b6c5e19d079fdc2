package dev.paxoshub.home;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's chaos buttons, for the operator only (see HomeSecurity). htmx posts
 * them and puts the answer above the controls, the live stream shows what follows;
 * without JavaScript each button is a form that comes back to the dashboard with the same
 * answer. A refusal is an answer too, never an error page.
 */
@Controller
@RequestMapping("/clusters/{cluster}")
class ChaosPageController {

	private static final Logger log = LoggerFactory.getLogger(ChaosPageController.class);

	static final String RESULT_FRAGMENT = DashboardSections.TEMPLATE + " :: chaos-result";

	/** How much the dashboard's "slow" button delays a node's links. */
	static final long SLOW_MS = 200;

	private final Clusters clusters;

	private final Chaos chaos;

	ChaosPageController(Clusters clusters, Chaos chaos) {
		this.clusters = clusters;
		this.chaos = chaos;
	}

	@PostMapping("/nodes/{node}/{action}")
	String act(@PathVariable String cluster, @PathVariable String node, @PathVariable String action,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		ClusterSupervisor supervisor = PageLookups.cluster(this.clusters, cluster);
		NodeAddress address = PageLookups.node(supervisor, node);
		Supplier<String> act = switch (action) {
			case "kill" -> () -> this.chaos.kill(supervisor, address);
			case "revive" -> () -> this.chaos.revive(supervisor, address);
			case "flaky", "steady", "heal" -> () -> this.chaos.onLinks(supervisor, address, action, Map.of());
			case "partition" -> () -> this.chaos.onLinks(supervisor, address, action,
					Map.of("from", peers(supervisor, address), "direction", "both"));
			case "slow" -> () -> this.chaos.onLinks(supervisor, address, action, Map.of("delayMs", SLOW_MS));
			default -> throw new NotOnTheHomeException("There is no chaos action '" + action
					+ "'. There are: kill, revive, flaky, steady, partition, heal, slow.");
		};
		return answer(supervisor, carryOut(act), htmx != null, model, redirect);
	}

	@PostMapping("/heal")
	String heal(@PathVariable String cluster, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect) {
		ClusterSupervisor supervisor = PageLookups.cluster(this.clusters, cluster);
		return answer(supervisor, carryOut(() -> this.chaos.heal(supervisor)), htmx != null, model, redirect);
	}

	/** Cut off from both of its peers, both ways: the node is alone. */
	private static List<String> peers(ClusterSupervisor cluster, NodeAddress node) {
		return cluster.nodes().stream().map(NodeAddress::name).filter((name) -> !name.equals(node.name())).toList();
	}

	private static ChaosResult carryOut(Supplier<String> act) {
		try {
			return new ChaosResult(true, act.get());
		}
		catch (ChaosRefusedException ex) {
			return new ChaosResult(false, ex.getMessage());
		}
		catch (RuntimeException ex) {
			// A node that fails to start again, say: the log has the details, the page
			// a sentence, and the operator may try again.
			log.warn("A chaos action on the dashboard failed", ex);
			return new ChaosResult(false, "That did not work; the demo's log says why. Try again in a moment.");
		}
	}

	private static String answer(ClusterSupervisor cluster, ChaosResult result, boolean htmx, Model model,
			RedirectAttributes redirect) {
		if (htmx) {
			model.addAttribute("chaosResult", result);
			return RESULT_FRAGMENT;
		}
		redirect.addFlashAttribute("chaosResult", result);
		redirect.addAttribute("cluster", cluster.name());
		return "redirect:/clusters/{cluster}";
	}

	/**
	 * @param done whether the chaos was carried out; the message says what, or why not
	 */
	record ChaosResult(boolean done, String message) {
	}

}
