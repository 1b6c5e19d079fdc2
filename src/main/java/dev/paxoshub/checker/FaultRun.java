package dev.paxoshub.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run, start to end: clients and nemesis against a running cluster, then healing, the
 * final state, the check and the report. The check reads the history back from its file,
 * so what is judged is exactly what was written.
 */
public final class FaultRun {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration SERVING_LIMIT = Duration.ofSeconds(60);

	/** Time for OFF's anti-entropy (every 2 s) and ON's projections to catch up. */
	private static final Duration SETTLE = Duration.ofSeconds(6);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private FaultRun() {
	}

	public static Result run(FaultRunSettings settings) throws InterruptedException {
		ClusterScript cluster = new ClusterScript(settings.script(), settings.cluster());
		Map<String, URI> urls = cluster.urls();
		Map<String, URI> nodes = new LinkedHashMap<>(urls);
		nodes.remove(ClusterScript.FRONT_DOOR);
		SiteClient site = new SiteClient(REQUEST_TIMEOUT);
		RunClock clock = new RunClock();
		String mode = RoleWatch.mode(site, nodes);
		Path historyPath = settings.out().resolve("history.jsonl");
		double healedAt;
		try (HistoryFile history = HistoryFile.create(historyPath, mode)) {
			RoleWatch roles = new RoleWatch(site, nodes, clock, history::roles);
			Clients clients = new Clients(settings.clients(),
					new Generator(settings.seed(), List.copyOf(nodes.keySet()), 4, 4_000), site, urls, history, clock);
			Nemesis nemesis = new Nemesis(cluster, List.copyOf(nodes.keySet()), settings.seed(), clock, history::fault,
					cluster.partitions(), settings.schedule());
			roles.start();
			clients.start();
			if (settings.faults()) {
				nemesis.start();
			}
			Thread.sleep(settings.duration().toMillis());
			clients.stop();
			history.finished(clock.now());
			if (settings.faults()) {
				nemesis.stop();
			}
			healedAt = clock.now();
			History written = HistoryFile.read(historyPath);
			TreeSet<String> keys = new TreeSet<>();
			written.ops().forEach((op) -> keys.add(op.key()));
			FinalState finalState = new FinalStateCollector(site, nodes, settings.operatorPassword(), clock)
				.collect(healedAt, keys, SERVING_LIMIT, SETTLE);
			roles.stop();
			return judge(settings.out(), finalState);
		}
	}

	/** Checks a run's files again, e.g. after the checker changed. */
	public static Result judge(Path dir, FinalState finalState) {
		write(dir.resolve("final.json"), finalState);
		History history = HistoryFile.read(dir.resolve("history.jsonl"));
		Verdict verdict = Checker.check(history, finalState);
		RunReport.write(dir, history, finalState, verdict);
		return new Result(dir, history, verdict);
	}

	public static Result judge(Path dir) {
		try {
			return judge(dir, JSON.readValue(Files.readString(dir.resolve("final.json")), FinalState.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path path, Object value) {
		try {
			Files.writeString(path, JSON.writeValueAsString(value));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public record Result(Path dir, History history, Verdict verdict) {
	}

}
