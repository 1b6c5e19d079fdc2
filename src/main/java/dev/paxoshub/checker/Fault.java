package dev.paxoshub.checker;

/**
 * A fault the nemesis applied, from the moment it was applied to the moment it was lifted
 * (milliseconds since the run began).
 *
 * @param kind kill, pause, partition, partition-leader or flaky
 * @param node the node it hit
 * @param start when it was applied
 * @param end when it was lifted
 * @param how what really happened, e.g. "SIGKILL, restarted" or "iptables in its network
 * namespace"
 */
public record Fault(String kind, String node, double start, double end, String how) {

	public boolean covers(double time) {
		return time >= this.start && time <= this.end;
	}

}
