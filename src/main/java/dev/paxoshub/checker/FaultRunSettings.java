package dev.paxoshub.checker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One fault run: where the cluster is, how hard to push it, where to write the result.
 *
 * @param cluster the environment {@code scripts/cluster.sh} needs to find the cluster
 * @param operatorPassword for the final state's records and the flaky network
 * @param faults whether the nemesis runs (without it: the clients alone)
 */
public record FaultRunSettings(Path script, Map<String, String> cluster, String operatorPassword, int clients,
		Duration duration, long seed, boolean faults, Nemesis.Schedule schedule, Path out) {

	public static FaultRunSettings of(Path script, Map<String, String> cluster, String operatorPassword, int clients,
			Duration duration, long seed, boolean faults, Path out) {
		return new FaultRunSettings(script, cluster, operatorPassword, clients, duration, seed, faults,
				Nemesis.Schedule.of(seed, 2_000, 4_000, 3_000, 6_000), out);
	}

}
