package dev.paxoshub.checker;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;

/**
 * Asks every node for its Raft role four times a second, as the node itself reports it on
 * its public {@code /api/node}; a node that does not answer in time is {@code down}.
 */
final class RoleWatch {

	private static final Duration ASK_TIMEOUT = Duration.ofMillis(400);

	private final SiteClient site;

	private final Map<String, URI> nodes;

	private final RunClock clock;

	private final Consumer<RoleSample> record;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "checker-roles");
		thread.setDaemon(true);
		return thread;
	});

	RoleWatch(SiteClient site, Map<String, URI> nodes, RunClock clock, Consumer<RoleSample> record) {
		this.site = site;
		this.nodes = nodes;
		this.clock = clock;
		this.record = record;
	}

	void start() {
		this.timer.scheduleWithFixedDelay(this::sample, 0, 250, TimeUnit.MILLISECONDS);
	}

	void stop() {
		this.timer.shutdownNow();
	}

	/** The mode the nodes report, from the first one that answers. */
	static String mode(SiteClient site, Map<String, URI> nodes) {
		for (URI node : nodes.values()) {
			JsonNode status = site.get(node, "/api/node", Duration.ofSeconds(2));
			if (status != null) {
				return status.path("consensus").path("mode").asString("unknown").toLowerCase(Locale.ROOT);
			}
		}
		return "unknown";
	}

	private void sample() {
		double time = this.clock.now();
		Map<String, String> roles = new LinkedHashMap<>();
		this.nodes.forEach((name, url) -> roles.put(name, role(this.site.get(url, "/api/node", ASK_TIMEOUT))));
		this.record.accept(new RoleSample(time, roles));
	}

	private static String role(JsonNode status) {
		if (status == null) {
			return "down";
		}
		JsonNode consensus = status.path("consensus");
		if ("OFF".equals(consensus.path("mode").asString())) {
			return "off";
		}
		String role = consensus.path("role").asString(null);
		return (role != null) ? role.toLowerCase(Locale.ROOT) : "joining";
	}

}
