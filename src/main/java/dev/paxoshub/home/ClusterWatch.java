package dev.paxoshub.home;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Watches every cluster: asks each node how it is every poll interval, keeps the latest
 * snapshot of each cluster, writes what changed into the cluster's timeline (new terms
 * and leaders, mode switches, refusals, nodes going and coming back), and tells whoever
 * listens (the live dashboards) when a cluster changed.
 */
@Component
class ClusterWatch implements SchedulingConfigurer, DisposableBean {

	private final Clusters clusters;

	private final NodeClient nodes;

	private final HomeSettings settings;

	private final Clock clock = Clock.systemUTC();

	private final ExecutorService askers = Executors.newFixedThreadPool(6, (task) -> {
		Thread thread = new Thread(task, "home-watch");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, ClusterSnapshot> latest = new ConcurrentHashMap<>();

	private final Map<String, Deque<TimelineEvent>> timelines = new ConcurrentHashMap<>();

	private final List<BiConsumer<String, ClusterSnapshot>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * How often each cluster was forgotten; a look that began before the last time says
	 * nothing about the cluster as it is now. Also what its snapshot and timeline are
	 * changed under.
	 */
	private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

	ClusterWatch(Clusters clusters, NodeClient nodes, HomeSettings settings) {
		this.clusters = clusters;
		this.nodes = nodes;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::pollAll, this.settings.pollInterval());
	}

	@Override
	public void destroy() {
		this.askers.shutdownNow();
	}

	/** The cluster as last seen; looked at now if it never was. */
	ClusterSnapshot snapshot(ClusterSupervisor cluster) {
		ClusterSnapshot seen = this.latest.get(cluster.name());
		return (seen != null) ? seen : poll(cluster);
	}

	List<TimelineEvent> timeline(String cluster) {
		Deque<TimelineEvent> events = timeline(cluster, false);
		synchronized (events) {
			return List.copyOf(events);
		}
	}

	/** Something the home itself did (a chaos action), for the cluster's timeline. */
	void event(String cluster, String kind, String text) {
		add(cluster, new TimelineEvent(this.clock.instant(), kind, text));
		ClusterSnapshot seen = this.latest.get(cluster);
		if (seen != null) {
			this.listeners.forEach((listener) -> listener.accept(cluster, seen));
		}
	}

	/**
	 * The cluster was emptied and started again: its timeline and last snapshot belong to
	 * the cluster it was, and go, as does whatever a look begun before now would add.
	 */
	void forget(String cluster) {
		AtomicLong generation = generation(cluster);
		synchronized (generation) {
			generation.incrementAndGet();
			this.latest.remove(cluster);
			this.timelines.remove(cluster);
		}
	}

	void onChange(BiConsumer<String, ClusterSnapshot> listener) {
		this.listeners.add(listener);
	}

	void pollAll() {
		this.clusters.all().forEach(this::poll);
	}

	ClusterSnapshot poll(ClusterSupervisor cluster) {
		AtomicLong generation = generation(cluster.name());
		long lookedAt = generation.get();
		List<CompletableFuture<NodeSnapshot>> asked = cluster.nodes()
			.stream()
			.map((node) -> CompletableFuture.supplyAsync(() -> look(cluster, node), this.askers))
			.toList();
		List<NodeSnapshot> seen = asked.stream().map(CompletableFuture::join).toList();
		ClusterSnapshot now = new ClusterSnapshot(cluster.name(), cluster.frontDoor(), mode(seen), this.clock.instant(),
				seen);
		boolean changed;
		synchronized (generation) {
			if (generation.get() != lookedAt) {
				return now;
			}
			ClusterSnapshot before = this.latest.put(cluster.name(), now);
			changed = before != null && !now.sameAs(before);
			if (changed) {
				changes(before, now).forEach((event) -> add(cluster.name(), event));
			}
		}
		if (changed) {
			this.listeners.forEach((listener) -> listener.accept(cluster.name(), now));
		}
		return now;
	}

	private AtomicLong generation(String cluster) {
		return this.generations.computeIfAbsent(cluster, (name) -> new AtomicLong());
	}

	private NodeSnapshot look(ClusterSupervisor cluster, NodeAddress node) {
		boolean running = cluster.isRunning(node.name());
		JsonNode status = running ? this.nodes.status(node.url()).orElse(null) : null;
		JsonNode faults = (status != null) ? this.nodes.faults(node.url()).orElse(null) : null;
		JsonNode accounts = (status != null) ? this.nodes.accounts(node.url()).orElse(null) : null;
		JsonNode consensus = (status != null) ? status.path("consensus") : null;
		return new NodeSnapshot(node.name(), node.displayName(), node.color(), node.url(), running, status != null,
				(faults != null) ? strings(faults.path("faults")) : List.of(),
				faults != null && faults.path("flaky").asBoolean(false),
				faults != null && faults.path("away").asBoolean(false), text(consensus, "mode"),
				text(consensus, "state"), text(consensus, "role"), number(consensus, "term"), text(consensus, "leader"),
				number(consensus, "commitIndex"), consensus != null && consensus.path("writable").asBoolean(false),
				(status != null) ? status.path("refusals").path("count").asLong(0) : 0, rows(accounts));
	}

	private static List<NodeSnapshot.AccountRow> rows(JsonNode accounts) {
		if (accounts == null) {
			return List.of();
		}
		List<NodeSnapshot.AccountRow> rows = new ArrayList<>();
		for (JsonNode row : accounts.path("accounts")) {
			rows.add(new NodeSnapshot.AccountRow(row.path("id").asString(), row.path("username").asString(),
					row.path("originNode").asString(), row.path("revision").asLong(),
					row.path("released").asBoolean(false), strings(row.path("lineage"))));
		}
		return rows;
	}

	/** What changed between two looks, as timeline events. */
	private List<TimelineEvent> changes(ClusterSnapshot before, ClusterSnapshot now) {
		List<TimelineEvent> events = new ArrayList<>();
		if (before.mode() != null && now.mode() != null && !before.mode().equals(now.mode())) {
			events.add(new TimelineEvent(now.at(), "mode", "Consensus is now " + now.mode() + "."));
		}
		Map<String, NodeSnapshot> old = before.nodes().stream().collect(Collectors.toMap(NodeSnapshot::name, (n) -> n));
		for (NodeSnapshot node : now.nodes()) {
			NodeSnapshot was = old.get(node.name());
			if (was == null) {
				continue;
			}
			if (was.answering() != node.answering()) {
				events.add(new TimelineEvent(now.at(), "node",
						node.displayName() + (node.answering() ? " answers again." : " stopped answering.")));
			}
			if (node.term() != null && was.term() != null && node.term() > was.term()) {
				events.add(new TimelineEvent(now.at(), "election", node.displayName() + " is in term " + node.term()
						+ " (was " + was.term() + "): an election was held."));
			}
			if ("leader".equals(node.role()) && !"leader".equals(was.role())) {
				events.add(new TimelineEvent(now.at(), "leader",
						node.displayName() + " leads" + ((node.term() != null) ? " term " + node.term() : "") + "."));
			}
			if (node.refusals() > was.refusals() && was.answering()) {
				long refused = node.refusals() - was.refusals();
				events.add(new TimelineEvent(now.at(), "refusal", node.displayName() + " refused " + refused
						+ ((refused == 1) ? " write" : " writes") + " for want of a majority."));
			}
		}
		return events;
	}

	private static String mode(List<NodeSnapshot> nodes) {
		Map<String, Long> modes = nodes.stream()
			.map(NodeSnapshot::mode)
			.filter(Objects::nonNull)
			.collect(Collectors.groupingBy((mode) -> mode, Collectors.counting()));
		return modes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	private void add(String cluster, TimelineEvent event) {
		Deque<TimelineEvent> events = timeline(cluster, true);
		synchronized (events) {
			events.addFirst(event);
			while (events.size() > this.settings.timeline()) {
				events.removeLast();
			}
		}
	}

	private Deque<TimelineEvent> timeline(String cluster, boolean create) {
		return create ? this.timelines.computeIfAbsent(cluster, (name) -> new ArrayDeque<>())
				: this.timelines.getOrDefault(cluster, new ArrayDeque<>());
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static String text(JsonNode node, String field) {
		return (node != null && node.hasNonNull(field)) ? node.get(field).asString() : null;
	}

	private static Long number(JsonNode node, String field) {
		return (node != null && node.hasNonNull(field)) ? node.get(field).asLong() : null;
	}

}
