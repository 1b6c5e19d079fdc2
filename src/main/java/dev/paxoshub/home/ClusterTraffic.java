package dev.paxoshub.home;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import dev.paxoshub.node.LinkMessage;
import dev.paxoshub.node.Links.Traffic;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * What crosses each cluster's links, as the dashboard shows it: every second it reads
 * each node's link counters, and from two readings in a row works out how many messages
 * of each kind each link carries per second and how many a cut link dropped. The recent
 * votes and polls become the spacetime diagram, drawn once per reading so that a
 * dashboard's every refresh costs nothing.
 */
@Component
class ClusterTraffic implements SchedulingConfigurer, DisposableBean {

	/** The kinds of message a node counts, in the order the dashboard lists them. */
	static final List<String> KINDS = List.of("append", "vote", "poll", "client", "membership", "replica");

	/** The counters move fast enough that one reading a second shows the rates. */
	private static final Duration READ_EVERY = Duration.ofSeconds(1);

	/** The diagram's window: long enough to hold an election and the calm after it. */
	private static final Duration WINDOW = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Clusters clusters;

	private final NodeClient nodes;

	private final Clock clock = Clock.systemUTC();

	private final ExecutorService readers = Executors.newFixedThreadPool(6, (task) -> {
		Thread thread = new Thread(task, "home-traffic");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Each node's last two readings, by cluster and node; none for a node that is down.
	 */
	private final Map<String, Map<String, Readings>> readings = new ConcurrentHashMap<>();

	private final Map<String, TrafficReport> reports = new ConcurrentHashMap<>();

	ClusterTraffic(Clusters clusters, NodeClient nodes) {
		this.clusters = clusters;
		this.nodes = nodes;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::readAll, READ_EVERY);
	}

	@Override
	public void destroy() {
		this.readers.shutdownNow();
	}

	/** The cluster's traffic as last read; read now if it never was. */
	TrafficReport report(ClusterSupervisor cluster) {
		TrafficReport report = this.reports.get(cluster.name());
		return (report != null) ? report : read(cluster);
	}

	void readAll() {
		this.clusters.all().forEach(this::read);
	}

	TrafficReport read(ClusterSupervisor cluster) {
		Map<String, Readings> seen = this.readings.computeIfAbsent(cluster.name(), (name) -> new ConcurrentHashMap<>());
		List<CompletableFuture<Void>> asked = cluster.nodes()
			.stream()
			.map((node) -> CompletableFuture.runAsync(
					() -> seen.compute(node.name(),
							(name, before) -> next(before, cluster.isRunning(name) ? traffic(node) : null)),
					this.readers))
			.toList();
		asked.forEach(CompletableFuture::join);
		TrafficReport report = report(cluster, seen, this.clock.instant());
		this.reports.put(cluster.name(), report);
		return report;
	}

	private Traffic traffic(NodeAddress node) {
		JsonNode json = this.nodes.traffic(node.url()).orElse(null);
		if (json == null) {
			return null;
		}
		try {
			return JSON.treeToValue(json, Traffic.class);
		}
		catch (RuntimeException ex) {
			// A node that answers what this home cannot read is shown as not answering.
			return null;
		}
	}

	private static Readings next(Readings before, Traffic now) {
		if (now == null) {
			return null;
		}
		return new Readings((before != null) ? before.latest() : null, now);
	}

	static TrafficReport report(ClusterSupervisor cluster, Map<String, Readings> readings, Instant now) {
		List<LinkTraffic> links = new ArrayList<>();
		List<LinkMessage> recent = new ArrayList<>();
		for (NodeAddress from : cluster.nodes()) {
			Readings read = readings.get(from.name());
			if (read != null) {
				recent.addAll(read.latest().recent());
			}
			for (NodeAddress to : cluster.nodes()) {
				if (!from.name().equals(to.name())) {
					links.add(link(from, to, read));
				}
			}
		}
		List<String> lanes = cluster.nodes().stream().map(NodeAddress::name).toList();
		Map<String, String> colors = cluster.nodes()
			.stream()
			.collect(Collectors.toMap(NodeAddress::name, NodeAddress::color, (a, b) -> a, LinkedHashMap::new));
		String diagram = SpacetimeDiagram.svg(lanes, colors, recent, now.minus(WINDOW), now);
		return new TrafficReport(now, links, diagram);
	}

	private static LinkTraffic link(NodeAddress from, NodeAddress to, Readings read) {
		if (read == null) {
			return new LinkTraffic(from.displayName(), to.displayName(), false, Map.of(), 0, null);
		}
		Map<String, KindTraffic> kinds = new LinkedHashMap<>();
		for (String kind : KINDS) {
			String key = to.name() + "|" + kind + "|sent";
			kinds.put(kind, new KindTraffic(read.latest().counts().getOrDefault(key, 0L), read.perSecond(key)));
		}
		long dropped = KINDS.stream()
			.mapToLong((kind) -> read.latest().counts().getOrDefault(to.name() + "|" + kind + "|dropped", 0L))
			.sum();
		Double droppedPerSecond = 0.0;
		for (String kind : KINDS) {
			Double rate = read.perSecond(to.name() + "|" + kind + "|dropped");
			droppedPerSecond = (droppedPerSecond == null || rate == null) ? null : droppedPerSecond + rate;
		}
		return new LinkTraffic(from.displayName(), to.displayName(), true, kinds, dropped, droppedPerSecond);
	}

	/**
	 * A node's two latest readings; the rates need both.
	 *
	 * @param before null after the node's first reading (or its return)
	 */
	record Readings(Traffic before, Traffic latest) {

		/**
		 * Null when there is no earlier reading, or the counter went back (the node was
		 * revived, and counts anew).
		 */
		Double perSecond(String key) {
			if (this.before == null || this.latest.at() <= this.before.at()) {
				return null;
			}
			long delta = this.latest.counts().getOrDefault(key, 0L) - this.before.counts().getOrDefault(key, 0L);
			return (delta < 0) ? null : delta * 1000.0 / (this.latest.at() - this.before.at());
		}

	}

	/**
	 * One cluster's traffic at one moment.
	 *
	 * @param links every link, one way ({@code from} to {@code to}), nodes in layout
	 * order
	 * @param diagram the spacetime diagram of the last 30 seconds' votes and polls, an
	 * inline {@code <svg>}
	 */
	record TrafficReport(Instant at, List<LinkTraffic> links, String diagram) {

		/** For the template, which calls public methods only. */
		public List<String> kinds() {
			return KINDS;
		}

	}

	/**
	 * One link as its sender counts it.
	 *
	 * @param counted whether the sender answered (a node that is down counts nothing)
	 * @param kinds what it sent, by kind
	 * @param dropped what the sender threw away on this link because chaos cut it, going
	 * out to the peer or coming in from it (the node counts both under the peer's name)
	 * @param droppedPerSecond null until two readings in a row are there
	 */
	record LinkTraffic(String from, String to, boolean counted, Map<String, KindTraffic> kinds, long dropped,
			Double droppedPerSecond) {

		/** Whether the link drops messages right now (public for the template). */
		public boolean cut() {
			return this.droppedPerSecond != null && this.droppedPerSecond > 0;
		}

	}

	/**
	 * @param total how many since the sender started
	 * @param perSecond over the last two readings; null until there are two
	 */
	record KindTraffic(long total, Double perSecond) {
	}

}
