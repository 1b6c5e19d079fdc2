package dev.paxoshub.home;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboards' live feed: every open dashboard holds a server-sent-events stream, and
 * each section whose HTML changed is sent to it as an event named after the section,
 * which htmx swaps in. A change the watch sees goes out at once; every poll interval the
 * sections are rendered again, so the timeline and the traffic move on too, and only what
 * differs is sent.
 */
@Component
class DashboardStream implements SchedulingConfigurer {

	/** Each open dashboard holds a request thread; a few dozen is plenty for a demo. */
	static final int MAX_WATCHERS = 32;

	/** A browser's EventSource connects again by itself after this. */
	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	/** Proxies and browsers close a stream that stays silent for long. */
	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private final Clusters clusters;

	private final Dashboards dashboards;

	private final DashboardSections sections;

	private final HomeSettings settings;

	private final Map<String, List<SseEmitter>> watchers = new ConcurrentHashMap<>();

	/** What each cluster's watchers last got, section by section. */
	private final Map<String, Map<String, String>> sent = new ConcurrentHashMap<>();

	private final AtomicInteger open = new AtomicInteger();

	DashboardStream(Clusters clusters, Dashboards dashboards, DashboardSections sections, ClusterWatch watch,
			HomeSettings settings) {
		this.clusters = clusters;
		this.dashboards = dashboards;
		this.sections = sections;
		this.settings = settings;
		watch.onChange((cluster, snapshot) -> this.clusters.named(cluster).ifPresent(this::push));
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(() -> this.clusters.all().forEach(this::push), this.settings.pollInterval());
		registrar.addFixedRateTask(this::heartbeat, HEARTBEAT);
	}

	/**
	 * A new watcher of the cluster, sent every section at once (the page it came from may
	 * be older than the stream).
	 * @throws TooManyWatchersException past {@link #MAX_WATCHERS}
	 */
	SseEmitter watch(ClusterSupervisor cluster) {
		if (this.open.incrementAndGet() > MAX_WATCHERS) {
			this.open.decrementAndGet();
			throw new TooManyWatchersException();
		}
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		List<SseEmitter> ofCluster = this.watchers.computeIfAbsent(cluster.name(),
				(name) -> new CopyOnWriteArrayList<>());
		ofCluster.add(emitter);
		Runnable gone = () -> {
			if (ofCluster.remove(emitter)) {
				this.open.decrementAndGet();
			}
		};
		emitter.onCompletion(gone);
		emitter.onTimeout(gone);
		emitter.onError((ex) -> gone.run());
		this.sections.render(this.dashboards.of(cluster)).forEach((name, html) -> send(emitter, name, html));
		return emitter;
	}

	/** Sends whatever changed in the cluster's sections to its watchers. */
	void push(ClusterSupervisor cluster) {
		List<SseEmitter> ofCluster = this.watchers.get(cluster.name());
		if (ofCluster == null || ofCluster.isEmpty()) {
			return;
		}
		// The watch and the scheduler both push; one at a time keeps "last sent" true.
		synchronized (ofCluster) {
			Map<String, String> last = this.sent.computeIfAbsent(cluster.name(), (name) -> new ConcurrentHashMap<>());
			this.sections.render(this.dashboards.of(cluster)).forEach((name, html) -> {
				if (!html.equals(last.put(name, html))) {
					ofCluster.forEach((emitter) -> send(emitter, name, html));
				}
			});
		}
	}

	private void heartbeat() {
		this.watchers.values().forEach((ofCluster) -> ofCluster.forEach((emitter) -> {
			try {
				emitter.send(SseEmitter.event().comment("still here"));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}));
	}

	private static void send(SseEmitter emitter, String name, String html) {
		try {
			emitter.send(SseEmitter.event().name(name).data(html));
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away; the emitter's error callback forgets it.
			emitter.completeWithError(ex);
		}
	}

	/** Every slot for a dashboard is taken. */
	static class TooManyWatchersException extends RuntimeException {

		TooManyWatchersException() {
			super("Too many dashboards are open at once; close one, or try again in a minute.");
		}

	}

}
