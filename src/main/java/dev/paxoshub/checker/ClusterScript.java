package dev.paxoshub.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code scripts/cluster.sh}, the one way the checker touches processes and networks: the
 * same commands a person types, each returning once its effect is real.
 */
class ClusterScript {

	static final String FRONT_DOOR = "front-door";

	private static final long TIMEOUT_SECONDS = 240;

	private final Path script;

	private final Map<String, String> environment;

	/**
	 * @param environment what the script needs to find the cluster
	 * ({@code PAXOSHUB_BASE_PORT}, {@code PAXOSHUB_DATA_DIR}, ...)
	 */
	ClusterScript(Path script, Map<String, String> environment) {
		this.script = script;
		this.environment = Map.copyOf(environment);
	}

	Path script() {
		return this.script;
	}

	/** Runs one command; its output, or an exception with the output when it failed. */
	String run(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(this.script.toString());
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(this.environment);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new ClusterScriptException(String.join(" ", arguments) + " did not finish");
			}
			String text = new String(output, StandardCharsets.UTF_8).trim();
			if (process.exitValue() != 0) {
				throw new ClusterScriptException(String.join(" ", arguments) + " failed: " + text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ClusterScriptException(String.join(" ", arguments) + " was interrupted");
		}
	}

	/** Every part's URL, the nodes first, then the front door. */
	Map<String, URI> urls() {
		Map<String, URI> urls = new LinkedHashMap<>();
		for (String line : run("urls").split("\n")) {
			String[] parts = line.trim().split(" ");
			if (parts.length == 2) {
				urls.put(parts[0], URI.create(parts[1]));
			}
		}
		return urls;
	}

	/** How partitions are made ({@code netns} or {@code links}). */
	String partitions() {
		String status = run("status");
		return status.lines().findFirst().orElse("").replace("partitions:", "").trim();
	}

	static class ClusterScriptException extends RuntimeException {

		ClusterScriptException(String message) {
			super(message);
		}

	}

}
