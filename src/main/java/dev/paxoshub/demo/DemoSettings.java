package dev.paxoshub.demo;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which clusters the one-JVM demo runs, and where.
 *
 * @param clusters the clusters to start, by name ({@code --paxoshub.clusters=on} runs
 * one)
 * @param demo how each known cluster is laid out
 */
@ConfigurationProperties("paxoshub")
public record DemoSettings(@DefaultValue( {
		"off", "on" }) List<String> clusters, @DefaultValue Demo demo){

	/**
	 * @param clusters each cluster's plan, by name
	 */
	public record Demo(Map<String, ClusterPlan> clusters) {

		public Demo {
			clusters = (clusters != null) ? Map.copyOf(clusters) : Map.of();
		}

	}

	/**
	 * @param consensus the mode the cluster starts in, the first time ({@code on} or
	 * {@code off})
	 * @param basePort the front door's port; the nodes take the next ones (8181, 8182,
	 * 8183 for 8180), their Raft members those ports plus 1000
	 */
	public record ClusterPlan(String consensus, int basePort) {
	}

}
