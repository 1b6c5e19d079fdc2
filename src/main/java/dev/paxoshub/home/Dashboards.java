package dev.paxoshub.home;

import org.springframework.stereotype.Component;

/** Puts a cluster's dashboard together from what the home watches and counts. */
@Component
class Dashboards {

	private final ClusterWatch watch;

	private final ClusterTraffic traffic;

	private final ClusterProperties properties;

	Dashboards(ClusterWatch watch, ClusterTraffic traffic, ClusterProperties properties) {
		this.watch = watch;
		this.traffic = traffic;
		this.properties = properties;
	}

	Dashboard of(ClusterSupervisor cluster) {
		ClusterSnapshot snapshot = this.watch.snapshot(cluster);
		return new Dashboard(snapshot, AccountsMatrix.of(snapshot), this.watch.timeline(cluster.name()),
				this.traffic.report(cluster), PropertyLine.of(this.properties.verdicts(cluster)));
	}

}
