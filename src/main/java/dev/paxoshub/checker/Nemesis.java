package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Breaks the cluster on a schedule, one fault at a time: a few seconds of calm, a fault
 * held for a few seconds, lifted, and so on; at the end everything is healed. Each fault
 * is done for real through {@code scripts/cluster.sh} and recorded with the time it was
 * applied and lifted.
 */
final class Nemesis {

	static final List<String> KINDS = List.of("kill", "pause", "partition", "partition-leader", "flaky");

	private final ClusterScript cluster;

	private final List<String> nodes;

	private final Random random;

	private final RunClock clock;

	private final Consumer<Fault> record;

	private final String partitions;

	private final Schedule schedule;

	private final CountDownLatch stopping = new CountDownLatch(1);

	private Thread thread;

	/**
	 * @param partitions how the script cuts links ({@code netns} or {@code links}), for
	 * the record
	 */
	Nemesis(ClusterScript cluster, List<String> nodes, long seed, RunClock clock, Consumer<Fault> record,
			String partitions, Schedule schedule) {
		this.cluster = cluster;
		this.nodes = List.copyOf(nodes);
		this.random = new Random(seed);
		this.clock = clock;
		this.record = record;
		this.partitions = partitions;
		this.schedule = schedule;
	}

	void start() {
		this.thread = new Thread(this::work, "checker-nemesis");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Waits for the fault in force to be lifted (a command is never interrupted halfway),
	 * then heals whatever is left.
	 */
	void stop() throws InterruptedException {
		this.stopping.countDown();
		this.thread.join();
		healEverything();
	}

	private void work() {
		List<String> order = new ArrayList<>();
		while (this.stopping.getCount() > 0) {
			if (!pause(this.schedule.calmMs())) {
				return;
			}
			if (order.isEmpty()) {
				order.addAll(KINDS);
				Collections.shuffle(order, this.random);
			}
			String kind = order.remove(0);
			try {
				apply(kind, this.nodes.get(this.random.nextInt(this.nodes.size())));
			}
			catch (ClusterScript.ClusterScriptException ex) {
				System.err.println("nemesis: " + ex.getMessage());
			}
		}
	}

	private void apply(String kind, String chosen) {
		String node = chosen;
		String how;
		double start = this.clock.now();
		switch (kind) {
			case "kill" -> {
				this.cluster.run("kill", node);
				how = "SIGKILL, then started again";
				hold();
				this.cluster.run("start", node);
			}
			case "pause" -> {
				this.cluster.run("pause", node);
				how = "SIGSTOP, then SIGCONT";
				hold();
				this.cluster.run("resume", node);
			}
			case "partition", "partition-leader" -> {
				if (kind.equals("partition-leader")) {
					node = leaderOr(chosen);
				}
				this.cluster.run("partition", node);
				how = "cut off from both peers (" + describePartitions() + ")";
				hold();
				this.cluster.run("heal", node);
			}
			default -> {
				this.cluster.run("flaky", node, "{\"downMs\":[300,1500],\"upMs\":[300,1500]}");
				how = "its network away and back at random (300-1500 ms)";
				hold();
				this.cluster.run("steady", node);
			}
		}
		this.record.accept(new Fault(kind, node, start, this.clock.now(), how));
	}

	private String leaderOr(String fallback) {
		try {
			return this.cluster.run("leader").trim();
		}
		catch (ClusterScript.ClusterScriptException ex) {
			return fallback;
		}
	}

	private String describePartitions() {
		return this.partitions.equals("netns") ? "iptables DROP in its network namespace" : "its own link faults";
	}

	/** A fault is held its full time even when the run is asked to stop meanwhile. */
	private void hold() {
		try {
			Thread.sleep(this.schedule.holdMs());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** False when the run is to stop. */
	private boolean pause(long millis) {
		try {
			return !this.stopping.await(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void healEverything() {
		for (String node : this.nodes) {
			quietly("resume", node);
		}
		quietly("start");
		for (String node : this.nodes) {
			quietly("steady", node);
		}
		quietly("heal");
	}

	private void quietly(String... command) {
		try {
			this.cluster.run(command);
		}
		catch (ClusterScript.ClusterScriptException ex) {
			// Nothing of that kind was in force.
		}
	}

	/** How long the calm between faults and the faults themselves last. */
	record Schedule(long calmMinMs, long calmMaxMs, long holdMinMs, long holdMaxMs, Random random) {

		static Schedule of(long seed, long calmMinMs, long calmMaxMs, long holdMinMs, long holdMaxMs) {
			return new Schedule(calmMinMs, calmMaxMs, holdMinMs, holdMaxMs, new Random(seed));
		}

		long calmMs() {
			return between(this.calmMinMs, this.calmMaxMs);
		}

		long holdMs() {
			return between(this.holdMinMs, this.holdMaxMs);
		}

		private synchronized long between(long min, long max) {
			return min + (long) (this.random.nextDouble() * (max - min));
		}

	}

}
