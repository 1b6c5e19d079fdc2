package dev.paxoshub.home;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * A cluster brought back to empty: its supervisor restarts every part with nothing
 * stored, and the home forgets what it saw of the cluster before, so that the timeline
 * and the properties speak of the fresh cluster only.
 */
@Service
class ClusterReset {

	static final String DONE = "The cluster was reset: every node started again with nothing stored.";

	private static final Logger log = LoggerFactory.getLogger(ClusterReset.class);

	private final ClusterWatch watch;

	private final ClusterProperties properties;

	/** A second reset while one runs would stop parts the first is starting. */
	private final Set<String> resetting = ConcurrentHashMap.newKeySet();

	ClusterReset(ClusterWatch watch, ClusterProperties properties) {
		this.watch = watch;
		this.properties = properties;
	}

	/**
	 * @return what was done, as the timeline says it
	 */
	String reset(ClusterSupervisor cluster) {
		if (!this.resetting.add(cluster.name())) {
			throw new ChaosRefusedException(409,
					"Cluster " + cluster.name() + " is being reset already; it answers again once every node serves.");
		}
		try {
			long started = System.nanoTime();
			restart(cluster);
			// The properties first: a judgement running now may still write into the
			// timeline, which goes next.
			this.properties.forget(cluster.name());
			this.watch.forget(cluster.name());
			// Seen once before the event, so that the event reaches the dashboards.
			this.watch.poll(cluster);
			this.watch.event(cluster.name(), "chaos", DONE);
			log.info("Cluster {} was reset in {} ms", cluster.name(),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			return DONE;
		}
		finally {
			this.resetting.remove(cluster.name());
		}
	}

	private void restart(ClusterSupervisor cluster) {
		try {
			cluster.reset();
		}
		catch (UnsupportedOperationException ex) {
			throw new ChaosRefusedException(501, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Cluster {} could not be reset", cluster.name(), ex);
			String text = "The reset did not finish: " + reason(ex);
			this.watch.event(cluster.name(), "chaos", text);
			throw new ChaosRefusedException(500, "Cluster " + cluster.name() + " could not be reset. " + text);
		}
	}

	/** The innermost message, which names what failed (a folder, a port). */
	private static String reason(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
