package dev.paxoshub.properties;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hand-made looks at a cluster, for tests that read like the story they tell: which node
 * is up, cut off or down, what each holds, which writes were acknowledged, which faults
 * are in force.
 */
final class Look {

	/** The day every test happens on; tests name only the time of day. */
	private static final String DAY = "2026-12-01T";

	private final Instant at;

	private final List<NodeObservation> nodes = new ArrayList<>();

	private final List<AcknowledgedWrite> acknowledged = new ArrayList<>();

	private final List<String> faults = new ArrayList<>();

	private Look(Instant at) {
		this.at = at;
	}

	/** A look at {@code 14:02:11} or {@code 14:02:11.500}, UTC. */
	static Look at(String time) {
		return new Look(time(time));
	}

	static Instant time(String time) {
		return Instant.parse(DAY + time + "Z");
	}

	Look nodes(NodeObservation... nodes) {
		this.nodes.addAll(Arrays.asList(nodes));
		return this;
	}

	Look acknowledged(AcknowledgedWrite... writes) {
		this.acknowledged.addAll(Arrays.asList(writes));
		return this;
	}

	Look acknowledged(List<AcknowledgedWrite> writes) {
		this.acknowledged.addAll(writes);
		return this;
	}

	Look during(String... faults) {
		this.faults.addAll(Arrays.asList(faults));
		return this;
	}

	ClusterObservation observation() {
		return new ClusterObservation(this.at, List.copyOf(this.nodes), List.copyOf(this.acknowledged),
				List.copyOf(this.faults));
	}

	Verdict judgedBy(PropertiesCheck check, Property property) {
		return check.evaluate(observation()).get(property.ordinal());
	}

	/** Up, connected, writable, and never refused a write. */
	static NodeObservation up(String node, AccountCopy... accounts) {
		return new NodeObservation(node, true, true, true, 0, List.of(accounts));
	}

	static NodeObservation up(String node, List<AccountCopy> accounts) {
		return new NodeObservation(node, true, true, true, 0, accounts);
	}

	/** Up and answering, but unable to reach its peers. */
	static NodeObservation cutOff(String node, AccountCopy... accounts) {
		return new NodeObservation(node, true, false, false, 0, List.of(accounts));
	}

	static NodeObservation down(String node) {
		return new NodeObservation(node, false, false, false, 0, List.of());
	}

	static NodeObservation connected(String node, boolean writable, long refusalsSoFar) {
		return new NodeObservation(node, true, true, writable, refusalsSoFar, List.of());
	}

	/**
	 * A live account whose lineage is the given stamps; its revision is the last one's.
	 */
	static AccountCopy account(String id, String username, String... lineage) {
		return new AccountCopy(id, username, VersionStamp.revisionOf(lineage[lineage.length - 1]), List.of(lineage),
				false);
	}

	/** The same record, after reconciliation took its name away. */
	static AccountCopy released(AccountCopy copy) {
		return new AccountCopy(copy.id(), copy.usernameKey(), copy.revision(), copy.lineage(), true);
	}

	/**
	 * Revision {@code revision} as written by {@code node}; the millis only keep stamps
	 * apart.
	 */
	static String stamp(long revision, String node) {
		return VersionStamp.of(revision, node, 1_764_600_000_000L + revision);
	}

	static AcknowledgedWrite write(AccountCopy account, String stamp, String time, String node) {
		return new AcknowledgedWrite(account.id(), account.usernameKey(), stamp, time(time), node);
	}

}
