package dev.paxoshub.checker;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.paxoshub.bench.Pause;
import tools.jackson.databind.JsonNode;

/**
 * What the benchmark asks of the running cluster around its measurements: whether every
 * node is writable, which one leads, and in what term.
 */
final class ClusterStatus {

	private final ClusterScript script;

	private final SiteClient site;

	private final Map<String, URI> urls;

	ClusterStatus(ClusterScript script, SiteClient site, Map<String, URI> urls) {
		this.script = script;
		this.site = site;
		this.urls = urls;
	}

	URI url(String part) {
		return this.urls.get(part);
	}

	/** Until each node answers and is writable (ON: and knows its Raft role). */
	void awaitWritable(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> waiting = new ArrayList<>(ClusterParts.NODES);
		while (true) {
			waiting
				.removeIf((node) -> writable(this.site.get(this.urls.get(node), "/api/node", Duration.ofSeconds(2))));
			if (waiting.isEmpty()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("not writable after " + timeout.toSeconds() + " s: " + waiting);
			}
			Pause.millis(250);
		}
	}

	private static boolean writable(JsonNode status) {
		if (status == null) {
			return false;
		}
		JsonNode consensus = status.path("consensus");
		if (!consensus.path("writable").asBoolean(false)) {
			return false;
		}
		String role = consensus.path("role").asString("");
		return "OFF".equals(consensus.path("mode").asString()) || role.equalsIgnoreCase("leader")
				|| role.equalsIgnoreCase("follower");
	}

	/** The leader, as {@code cluster.sh leader} names it, asked until it can. */
	String leader(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try {
				return this.script.run("leader").trim();
			}
			catch (ClusterScript.ClusterScriptException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Pause.millis(200);
			}
		}
	}

	/** The leader, or null when there is none after 10 s. */
	String leaderOrNull() {
		try {
			return leader(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The Raft term the node reports, or null. */
	Long term(String node) {
		JsonNode status = this.site.get(this.urls.get(node), "/api/node", Duration.ofSeconds(2));
		JsonNode term = (status != null) ? status.path("consensus").path("term") : null;
		return (term != null && term.isNumber()) ? term.asLong() : null;
	}

}
