package dev.paxoshub.home;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.paxoshub.properties.AccountCopy;
import dev.paxoshub.properties.AcknowledgedWrite;
import dev.paxoshub.properties.ClusterObservation;
import dev.paxoshub.properties.NodeObservation;
import dev.paxoshub.properties.PropertiesCheck;
import dev.paxoshub.properties.Verdict;
import tools.jackson.databind.JsonNode;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The five consensus properties of each cluster, judged every poll from what its nodes
 * hold now and what its front door acknowledged, never from the mode's name. A verdict
 * that turns goes into the cluster's timeline.
 */
@Component
class ClusterProperties implements SchedulingConfigurer {

	private final Clusters clusters;

	private final ClusterWatch watch;

	private final NodeClient nodes;

	private final HomeSettings settings;

	private final Map<String, PropertiesCheck> checks = new ConcurrentHashMap<>();

	private final Map<String, List<Verdict>> latest = new ConcurrentHashMap<>();

	/**
	 * What each cluster is judged and forgotten under, so that neither cuts the other.
	 */
	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	ClusterProperties(Clusters clusters, ClusterWatch watch, NodeClient nodes, HomeSettings settings) {
		this.clusters = clusters;
		this.watch = watch;
		this.nodes = nodes;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(() -> this.clusters.all().forEach(this::judge), this.settings.pollInterval());
	}

	/** The cluster's properties as last judged; judged now if they never were. */
	List<Verdict> verdicts(ClusterSupervisor cluster) {
		List<Verdict> seen = this.latest.get(cluster.name());
		return (seen != null) ? seen : judge(cluster);
	}

	/**
	 * Nothing is judged before every node of the cluster started once: a cluster coming
	 * up is not a cluster with faults.
	 */
	List<Verdict> judge(ClusterSupervisor cluster) {
		synchronized (lock(cluster.name())) {
			return judgeNow(cluster);
		}
	}

	/**
	 * The cluster was emptied and started again: its violations, its verdicts' "since"
	 * and the writes its front door acknowledged before belong to the cluster it was. It
	 * is judged afresh, as a home that just started would, once every node answers.
	 */
	void forget(String cluster) {
		synchronized (lock(cluster)) {
			this.checks.remove(cluster);
			this.latest.remove(cluster);
		}
	}

	private Object lock(String cluster) {
		return this.locks.computeIfAbsent(cluster, (name) -> new Object());
	}

	private List<Verdict> judgeNow(ClusterSupervisor cluster) {
		ClusterSnapshot snapshot = this.watch.snapshot(cluster);
		if (!this.checks.containsKey(cluster.name()) && !snapshot.nodes().stream().allMatch(NodeSnapshot::answering)) {
			return List.of();
		}
		List<AcknowledgedWrite> acknowledged = this.nodes.acknowledged(cluster.frontDoor())
			.map(ClusterProperties::acknowledged)
			.orElse(List.of());
		PropertiesCheck check = this.checks.computeIfAbsent(cluster.name(), (name) -> new PropertiesCheck());
		List<Verdict> verdicts = check.evaluate(observation(snapshot, acknowledged));
		List<Verdict> before = this.latest.put(cluster.name(), verdicts);
		if (before != null) {
			for (int i = 0; i < verdicts.size() && i < before.size(); i++) {
				Verdict now = verdicts.get(i);
				if (now.holds() != before.get(i).holds()) {
					this.watch.event(cluster.name(), "property", now.property().title()
							+ (now.holds() ? " holds again: " : " is violated: ") + now.evidence());
				}
			}
		}
		return verdicts;
	}

	static ClusterObservation observation(ClusterSnapshot snapshot, List<AcknowledgedWrite> acknowledged) {
		List<NodeObservation> nodes = new ArrayList<>();
		List<String> faults = new ArrayList<>();
		for (NodeSnapshot node : snapshot.nodes()) {
			// Slow links still deliver; a partitioned or flaky node is cut off, and so is
			// one whose Raft member is still joining while consensus is on: it is not yet
			// part of any majority.
			boolean joining = "ON".equals(node.mode()) && node.raftState() != null
					&& node.raftState().startsWith("joining");
			boolean connected = node.answering() && !joining && List.of("up", "slow").contains(node.condition());
			nodes.add(new NodeObservation(node.name(), node.answering(), connected, node.writable(), node.refusals(),
					node.accounts().stream().map(ClusterProperties::copy).toList()));
			if (!node.running()) {
				faults.add(node.displayName() + " is down");
			}
			else if (!node.answering()) {
				faults.add(node.displayName() + " does not answer");
			}
			node.faults().forEach((fault) -> faults.add(node.displayName() + ": " + fault));
		}
		return new ClusterObservation(snapshot.at(), nodes, acknowledged, faults);
	}

	private static AccountCopy copy(NodeSnapshot.AccountRow row) {
		return new AccountCopy(row.id(), row.username().toLowerCase(Locale.ROOT), row.revision(), row.lineage(),
				row.released());
	}

	private static List<AcknowledgedWrite> acknowledged(JsonNode writes) {
		List<AcknowledgedWrite> all = new ArrayList<>();
		for (JsonNode write : writes) {
			all.add(new AcknowledgedWrite(write.path("accountId").asString(), write.path("username").asString(),
					write.path("stamp").asString(), Instant.parse(write.path("at").asString()),
					write.path("node").asString()));
		}
		return all;
	}

}
