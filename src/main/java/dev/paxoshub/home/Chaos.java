package dev.paxoshub.home;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;

import org.springframework.stereotype.Service;

/**
 * The operator's chaos, carried out: a crash and a revival (with the node's data or with
 * an empty disk) through the cluster's supervisor, every link fault through the node's
 * own chaos endpoint (the node applies it to its own traffic). Each action goes into the
 * cluster's timeline, and answers the sentence it wrote there.
 */
@Service
class Chaos {

	/** The actions that end a fault, which must reach a node even while it is away. */
	private static final Set<String> LIFTING = Set.of("steady", "heal");

	/** The longest a flaky network stays away (the node's own limit), and some. */
	private static final Duration FLAKY_AWAY_AT_MOST = Duration.ofSeconds(65);

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
	 * A disk replaced: the node is killed if it runs and comes back as a new server with
	 * nothing stored, to catch up from its peers (or not) as its mode allows.
	 */
	String reviveWithEmptyDisk(ClusterSupervisor cluster, NodeAddress node) {
		try {
			cluster.revive(node.name(), true);
		}
		catch (UnsupportedOperationException ex) {
			throw new ChaosRefusedException(501, ex.getMessage());
		}
		return done(cluster, node.displayName() + " came back as a new server with an empty disk.");
	}

	/**
	 * A link fault, applied by the node to its own traffic; the node says what it now
	 * does.
	 */
	String onLinks(ClusterSupervisor cluster, NodeAddress node, String action, Map<String, Object> body) {
		if (!cluster.isRunning(node.name())) {
			throw new ChaosRefusedException(409, node.displayName() + " is down: revive it first.");
		}
		if (LIFTING.contains(action)) {
			lift(node, action);
		}
		else {
			this.nodes.chaos(node.url(), action, body);
		}
		return done(cluster, describe(node, action, body));
	}

	/** Every fault of the cluster undone and every node revived. */
	String heal(ClusterSupervisor cluster) {
		for (NodeAddress node : cluster.nodes()) {
			if (!cluster.isRunning(node.name())) {
				cluster.revive(node.name());
			}
			lift(node, "heal");
		}
		return done(cluster, "Every node of the cluster was healed and is running.");
	}

	/**
	 * A node away on its flaky network closes its port, so the order to stop being flaky
	 * cannot reach it until its network comes back by itself (within a minute at most):
	 * the order is sent again until it lands.
	 */
	private void lift(NodeAddress node, String action) {
		long deadline = System.nanoTime() + FLAKY_AWAY_AT_MOST.toNanos();
		while (true) {
			try {
				this.nodes.chaos(node.url(), action, Map.of());
				return;
			}
			catch (ChaosRefusedException ex) {
				if (ex.status() != 503 || System.nanoTime() > deadline) {
					throw ex;
				}
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ChaosRefusedException(503, node.displayName() + " was not reached in time.");
			}
		}
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
