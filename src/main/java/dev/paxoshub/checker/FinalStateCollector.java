package dev.paxoshub.checker;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * After the faults: how soon each node serves reads again, then, once the cluster had
 * time to settle, what each node holds (every record, as the operator sees it) and shows
 * (per name, as anyone reading it would).
 */
final class FinalStateCollector {

	private final SiteClient site;

	private final Map<String, URI> nodes;

	private final String operatorPassword;

	private final RunClock clock;

	FinalStateCollector(SiteClient site, Map<String, URI> nodes, String operatorPassword, RunClock clock) {
		this.site = site;
		this.nodes = nodes;
		this.operatorPassword = operatorPassword;
		this.clock = clock;
	}

	FinalState collect(double healedAt, Set<String> keys, Duration waitForServing, Duration settle)
			throws InterruptedException {
		String probe = keys.isEmpty() ? "nobody" : keys.iterator().next();
		Map<String, Double> servingAfter = new LinkedHashMap<>();
		long deadline = System.nanoTime() + waitForServing.toNanos();
		while (servingAfter.size() < this.nodes.size() && System.nanoTime() < deadline) {
			for (Map.Entry<String, URI> node : this.nodes.entrySet()) {
				if (!servingAfter.containsKey(node.getKey())
						&& this.site.read(node.getValue(), probe).outcome() == Op.Outcome.OK) {
					servingAfter.put(node.getKey(), this.clock.now() - healedAt);
				}
			}
			Thread.sleep(100);
		}
		Thread.sleep(settle.toMillis());
		Map<String, FinalState.NodeFinal> finals = new LinkedHashMap<>();
		this.nodes.forEach((name, url) -> finals.put(name,
				new FinalState.NodeFinal(name, servingAfter.get(name), records(url), served(url, keys))));
		return new FinalState(healedAt, finals);
	}

	private List<FinalState.Stored> records(URI node) {
		JsonNode answer = this.site.operatorGet(node, "/api/node/accounts", this.operatorPassword);
		List<FinalState.Stored> records = new ArrayList<>();
		if (answer != null) {
			for (JsonNode account : answer.path("accounts")) {
				records.add(new FinalState.Stored(account.path("id").asString(), account.path("username").asString(),
						account.path("email").asString(null), account.path("released").asBoolean()));
			}
		}
		return records;
	}

	private Map<String, FinalState.Served> served(URI node, Set<String> keys) {
		Map<String, FinalState.Served> served = new LinkedHashMap<>();
		for (String key : keys) {
			Answer answer = readPatiently(node, key);
			if (answer.outcome() == Op.Outcome.OK && answer.accountId() != null) {
				served.put(key, new FinalState.Served(answer.accountId(), answer.value()));
			}
		}
		return served;
	}

	/** A node that refuses a read for a moment is asked again: only its answer counts. */
	private Answer readPatiently(URI node, String key) {
		Answer answer = this.site.read(node, key);
		for (int attempt = 0; attempt < 20 && answer.outcome() != Op.Outcome.OK; attempt++) {
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return answer;
			}
			answer = this.site.read(node, key);
		}
		return answer;
	}

}
