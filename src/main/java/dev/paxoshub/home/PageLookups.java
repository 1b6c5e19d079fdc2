package dev.paxoshub.home;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;

/** The clusters and nodes a page address names, or the page that says there is none. */
final class PageLookups {

	private PageLookups() {
	}

	static ClusterSupervisor cluster(Clusters clusters, String name) {
		return clusters.named(name)
			.orElseThrow(() -> new NotOnTheHomeException("There is no cluster named '" + name + "'. There are: "
					+ String.join(", ", clusters.all().stream().map(ClusterSupervisor::name).toList()) + "."));
	}

	static NodeAddress node(ClusterSupervisor cluster, String name) {
		return cluster.nodes()
			.stream()
			.filter((node) -> node.name().equalsIgnoreCase(name))
			.findFirst()
			.orElseThrow(() -> new NotOnTheHomeException(
					"Cluster " + cluster.name() + " has no node named '" + name + "'."));
	}

}
