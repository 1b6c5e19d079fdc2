package dev.paxoshub.home;

import java.util.List;
import java.util.Optional;

/** Every cluster the home shows, in the order it shows them. */
public record Clusters(List<ClusterSupervisor> all) {

	public Optional<ClusterSupervisor> named(String name) {
		return this.all.stream().filter((cluster) -> cluster.name().equalsIgnoreCase(name)).findFirst();
	}

}
