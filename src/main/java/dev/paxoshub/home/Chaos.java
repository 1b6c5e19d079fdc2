package dev.paxoshub.home;

import java.util.List;
import java.util.Map;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;

import org.springframework.stereotype.Service;

/**
 * The operator's chaos, carried out: a crash and a revival through the cluster's
 * supervisor, every link fault through the node's own chaos endpoint (the node applies it
 * to its own traffic). Each action goes into the cluster's timeline, and answers the
 * sentence it wrote there.
 */
@Service
class Chaos {

	private final NodeClient nodes;

	private final ClusterWatch watch;

	Chaos(NodeClient nodes, ClusterWatch watch) {
		this.nodes = nodes;
		this.watch = watch;
	}

	/**
	 * @return what was done, as the timeline says it
	 */
	String kill(ClusterSupervisor cluster, NodeAddress node) {
		cluster.kill(node.name());
		return done(cluster, node.displayName() + " was killed: its port closed, its Raft member is gone.");
	}

	String revive(ClusterSupervisor cluster, NodeAddress node) {
		if (cluster.isRunning(node.name())) {
			throw new ChaosRefusedException(409, node.displayName() + " is running already.");
		}
		cluster.revive(node.name());
		return done(cluster, node.displayName() + " was revived with its data.");
	}

	/**
	 * A link fault, applied by the node to its own traffic; the node says what it now
	 * does.
	 */
	String onLinks(ClusterSupervisor cluster, NodeAddress node, String action, Map<String, Object> body) {
		if (!cluster.isRunning(node.name())) {
			throw new ChaosRefusedException(409, node.displayName() + " is down: revive it first.");
		}
		this.nodes.chaos(node.url(), action, body);
		return done(cluster, describe(node, action, body));
	}

	/** Every fault of the cluster undone and every node revived. */
	String heal(ClusterSupervisor cluster) {
		for (NodeAddress node : cluster.nodes()) {
			if (!cluster.isRunning(node.name())) {
				cluster.revive(node.name());
			}
			this.nodes.chaos(node.url(), "heal", Map.of());
		}
		return done(cluster, "Every node of the cluster was healed and is running.");
	}

	private String done(ClusterSupervisor cluster, String text) {
		this.watch.event(cluster.name(), "chaos", text);
		this.watch.poll(cluster);
		return text;
	}

	private static String describe(NodeAddress node, String action, Map<String, Object> body) {
		return switch (action) {
			case "flaky" -> node.displayName() + "'s network turned flaky.";
			case "steady" -> node.displayName() + "'s network is steady again.";
			case "slow" -> node.displayName() + "'s links were slowed by " + body.get("delayMs") + " ms.";
			case "heal" -> node.displayName() + "'s links were healed.";
			case "partition" -> node.displayName() + " was cut off from " + peers(body) + " ("
					+ body.getOrDefault("direction", "both") + ").";
			default -> node.displayName() + ": " + action + ".";
		};
	}

	@SuppressWarnings("unchecked")
	private static String peers(Map<String, Object> body) {
		Object from = body.get("from");
		return (from instanceof List<?> list && !list.isEmpty())
				? String.join(" and ", ((List<String>) list).stream().map(NodeAddress::displayName).toList())
				: "every peer";
	}

}
