package dev.paxoshub.home;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.properties.Verdict;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything of the demo from one address: every cluster with its mode, front door and
 * nodes, and, for the operator (see HomeSecurity), the chaos controls of each node and
 * each cluster.
 */
@RestController
@RequestMapping("/api/clusters")
class ClustersApiController {

	private static final List<String> LINK_ACTIONS = List.of("flaky", "steady", "partition", "heal", "slow");

	private final Clusters clusters;

	private final ClusterWatch watch;

	private final Chaos chaos;

	private final ClusterProperties properties;

	private final ClusterReset reset;

	ClustersApiController(Clusters clusters, ClusterWatch watch, Chaos chaos, ClusterProperties properties,
			ClusterReset reset) {
		this.clusters = clusters;
		this.watch = watch;
		this.chaos = chaos;
		this.properties = properties;
		this.reset = reset;
	}

	@GetMapping
	List<ClusterSummary> clusters() {
		return this.clusters.all().stream().map((cluster) -> summary(this.watch.snapshot(cluster))).toList();
	}

	@GetMapping("/{cluster}")
	ClusterSummary one(@PathVariable String cluster) {
		return summary(this.watch.snapshot(supervisor(cluster)));
	}

	@GetMapping("/{cluster}/timeline")
	List<TimelineEvent> timeline(@PathVariable String cluster) {
		return this.watch.timeline(supervisor(cluster).name());
	}

	/**
	 * The five properties of consensus as the cluster shows them now, each holding or
	 * violated, with its evidence.
	 */
	@GetMapping("/{cluster}/properties")
	List<PropertySummary> properties(@PathVariable String cluster) {
		return this.properties.verdicts(supervisor(cluster)).stream().map(PropertySummary::of).toList();
	}

	/**
	 * @param disk for {@code revive} only: {@code empty} brings the node back as a new
	 * server with nothing stored; without it the node comes back with its data
	 */
	@PostMapping("/{cluster}/nodes/{node}/{action}")
	ClusterSummary act(@PathVariable String cluster, @PathVariable String node, @PathVariable String action,
			@RequestParam(required = false) String disk, @RequestBody(required = false) Map<String, Object> body) {
		ClusterSupervisor supervisor = supervisor(cluster);
		NodeAddress address = node(supervisor, node);
		boolean emptyDisk = emptyDisk(action, disk);
		switch (action) {
			case "kill" -> this.chaos.kill(supervisor, address);
			case "revive" -> {
				if (emptyDisk) {
					this.chaos.reviveWithEmptyDisk(supervisor, address);
				}
				else {
					this.chaos.revive(supervisor, address);
				}
			}
			default -> {
				if (!LINK_ACTIONS.contains(action)) {
					throw notFound("There is no chaos action '" + action + "'. There are: kill, revive, "
							+ String.join(", ", LINK_ACTIONS) + ".");
				}
				this.chaos.onLinks(supervisor, address, action, (body != null) ? body : Map.of());
			}
		}
		return summary(this.watch.snapshot(supervisor));
	}

	@PostMapping("/{cluster}/heal")
	ClusterSummary heal(@PathVariable String cluster) {
		ClusterSupervisor supervisor = supervisor(cluster);
		this.chaos.heal(supervisor);
		return summary(this.watch.snapshot(supervisor));
	}

	/**
	 * Every node and the front door started again with nothing stored; answers once the
	 * cluster serves again (tens of seconds).
	 */
	@PostMapping("/{cluster}/reset")
	ClusterSummary reset(@PathVariable String cluster) {
		ClusterSupervisor supervisor = supervisor(cluster);
		this.reset.reset(supervisor);
		return summary(this.watch.snapshot(supervisor));
	}

	private static boolean emptyDisk(String action, String disk) {
		if (disk == null) {
			return false;
		}
		if (!"revive".equals(action)) {
			throw badRequest("Only revive takes a disk; " + action + " takes none.");
		}
		if (!"empty".equalsIgnoreCase(disk.strip())) {
			throw badRequest("There is no disk '" + disk + "'. Revive takes disk=empty (the node comes back as a"
					+ " new server with nothing stored), or no disk (it comes back with its data).");
		}
		return true;
	}

	private ClusterSupervisor supervisor(String name) {
		return this.clusters.named(name)
			.orElseThrow(() -> notFound("There is no cluster named '" + name + "'. There are: "
					+ this.clusters.all().stream().map(ClusterSupervisor::name).toList() + "."));
	}

	private static NodeAddress node(ClusterSupervisor cluster, String name) {
		return cluster.nodes()
			.stream()
			.filter((node) -> node.name().equalsIgnoreCase(name))
			.findFirst()
			.orElseThrow(() -> notFound("Cluster " + cluster.name() + " has no node named '" + name + "'."));
	}

	private static ErrorResponseException badRequest(String message) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message), null);
	}

	private static ErrorResponseException notFound(String message) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message), null);
	}

	private static ClusterSummary summary(ClusterSnapshot snapshot) {
		return new ClusterSummary(snapshot.name(), snapshot.mode(), snapshot.frontDoor(),
				snapshot.nodes().stream().map(NodeSummary::of).toList());
	}

	/**
	 * @param property the property's name, as in {@code coherence} or
	 * {@code no-decoherence}
	 * @param verdict {@code holds} or {@code violated}
	 * @param evidence why, in one sentence
	 * @param since when the verdict last turned
	 */
	record PropertySummary(String property, String title, String verdict, String evidence, Instant since) {

		static PropertySummary of(Verdict verdict) {
			return new PropertySummary(verdict.property().name().toLowerCase(Locale.ROOT).replace('_', '-'),
					verdict.property().title(), verdict.holds() ? "holds" : "violated", verdict.evidence(),
					verdict.since());
		}

	}

	/** A cluster as a script needs it: where it is, how it runs. */
	record ClusterSummary(String name, String mode, URI frontDoor, List<NodeSummary> nodes) {
	}

	/**
	 * @param up whether the node answers
	 * @param condition up, down, flaky, partitioned, slow or silent
	 * @param faults the faults in force, as sentences
	 */
	record NodeSummary(String name, URI url, boolean up, String condition, List<String> faults, String role, Long term,
			boolean writable) {

		static NodeSummary of(NodeSnapshot node) {
			return new NodeSummary(node.name(), node.url(), node.answering(), node.condition(), node.faults(),
					node.role(), node.term(), node.writable());
		}

	}

}
