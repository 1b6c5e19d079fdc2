package dev.paxoshub.checker;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A history as Jepsen keeps one: one JSON object a line, an {@code invoke} when a client
 * sends an operation and an {@code ok}, {@code fail} or {@code info} (outcome unknown)
 * when it ends; {@code fault} lines for the nemesis and {@code roles} lines for the Raft
 * roles. Lines are written as things happen, so a run cut short still leaves its history.
 */
public final class HistoryFile implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BufferedWriter out;

	private HistoryFile(BufferedWriter out) {
		this.out = out;
	}

	public static HistoryFile create(Path path, String mode) {
		try {
			Files.createDirectories(path.toAbsolutePath().getParent());
			HistoryFile file = new HistoryFile(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
			ObjectNode line = JSON.createObjectNode();
			line.put("type", "start");
			line.put("mode", mode);
			file.write(line);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void invoked(int id, int client, Op.Kind kind, String key, String via, double time, String attempt,
			String value) {
		ObjectNode line = JSON.createObjectNode();
		line.put("type", "invoke");
		line.put("op", id);
		line.put("client", client);
		line.put("f", kind.name().toLowerCase(Locale.ROOT));
		line.put("key", key);
		line.put("via", via);
		line.put("time", time);
		putIfPresent(line, "attempt", attempt);
		putIfPresent(line, "value", value);
		write(line);
	}

	public void completed(int id, Op.Outcome outcome, double time, int status, String accountId, String value,
			String error) {
		ObjectNode line = JSON.createObjectNode();
		line.put("type", switch (outcome) {
			case OK -> "ok";
			case FAIL -> "fail";
			case UNKNOWN -> "info";
		});
		line.put("op", id);
		line.put("time", time);
		line.put("status", status);
		putIfPresent(line, "account", accountId);
		putIfPresent(line, "value", value);
		putIfPresent(line, "error", error);
		write(line);
	}

	public void fault(Fault fault) {
		ObjectNode line = JSON.createObjectNode();
		line.put("type", "fault");
		line.put("fault", fault.kind());
		line.put("node", fault.node());
		line.put("start", fault.start());
		line.put("end", fault.end());
		line.put("how", fault.how());
		write(line);
	}

	public void roles(RoleSample sample) {
		ObjectNode line = JSON.createObjectNode();
		line.put("type", "roles");
		line.put("time", sample.time());
		ObjectNode roles = line.putObject("roles");
		sample.roles().forEach(roles::put);
		write(line);
	}

	public void finished(double durationMs) {
		ObjectNode line = JSON.createObjectNode();
		line.put("type", "end");
		line.put("duration", durationMs);
		write(line);
	}

	private synchronized void write(ObjectNode line) {
		try {
			this.out.write(JSON.writeValueAsString(line));
			this.out.newLine();
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public synchronized void close() {
		try {
			this.out.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a history back. An operation invoked but never completed (the run was cut
	 * short) ends unknown at the last time the file records.
	 */
	public static History read(Path path) {
		try {
			return parse(Files.readAllLines(path, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static History parse(List<String> lines) {
		String mode = null;
		double duration = 0;
		double last = 0;
		Map<Integer, JsonNode> invokes = new LinkedHashMap<>();
		Map<Integer, JsonNode> completions = new HashMap<>();
		List<Fault> faults = new ArrayList<>();
		List<RoleSample> roles = new ArrayList<>();
		for (String text : lines) {
			if (text.isBlank()) {
				continue;
			}
			JsonNode line = JSON.readTree(text);
			last = Math.max(last, line.path("time").asDouble(0));
			switch (line.path("type").asString()) {
				case "start" -> mode = line.path("mode").asString(null);
				case "invoke" -> invokes.put(line.path("op").asInt(), line);
				case "ok", "fail", "info" -> completions.put(line.path("op").asInt(), line);
				case "fault" -> faults.add(new Fault(line.path("fault").asString(), line.path("node").asString(),
						line.path("start").asDouble(), line.path("end").asDouble(), line.path("how").asString(null)));
				case "roles" -> {
					Map<String, String> sample = new LinkedHashMap<>();
					line.path("roles")
						.properties()
						.forEach((entry) -> sample.put(entry.getKey(), entry.getValue().asString()));
					roles.add(new RoleSample(line.path("time").asDouble(), sample));
				}
				case "end" -> duration = line.path("duration").asDouble();
				default -> throw new IllegalArgumentException("Unknown history line: " + text);
			}
		}
		List<Op> ops = new ArrayList<>(invokes.size());
		for (JsonNode invoke : invokes.values()) {
			ops.add(op(invoke, completions.get(invoke.path("op").asInt()), last));
		}
		return new History(mode, (duration > 0) ? duration : last, ops, faults, roles);
	}

	private static Op op(JsonNode invoke, JsonNode completion, double last) {
		Op.Kind kind = Op.Kind.valueOf(invoke.path("f").asString().toUpperCase(Locale.ROOT));
		Op.Outcome outcome = (completion == null) ? Op.Outcome.UNKNOWN : switch (completion.path("type").asString()) {
			case "ok" -> Op.Outcome.OK;
			case "fail" -> Op.Outcome.FAIL;
			default -> Op.Outcome.UNKNOWN;
		};
		JsonNode end = (completion != null) ? completion : invoke;
		String value = (kind == Op.Kind.EDIT) ? invoke.path("value").asString(null) : end.path("value").asString(null);
		return new Op(invoke.path("op").asInt(), invoke.path("client").asInt(), kind, invoke.path("key").asString(),
				invoke.path("via").asString(), outcome, invoke.path("time").asDouble(),
				(completion != null) ? completion.path("time").asDouble() : last, invoke.path("attempt").asString(null),
				end.path("account").asString(null), value, end.path("status").asInt(0),
				end.path("error").asString(null));
	}

	private static void putIfPresent(ObjectNode line, String name, String value) {
		if (value != null) {
			line.put(name, value);
		}
	}

}
