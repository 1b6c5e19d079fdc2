package dev.paxoshub.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Morpheus, Neo, Trinity and the front door as four processes, started and broken by
 * {@code scripts/cluster.sh} exactly as a person would, running this build's classes (the
 * test phase has no jar yet).
 */
final class ProcessCluster implements AutoCloseable {

	private final ClusterScript script;

	private final Map<String, String> environment;

	private ProcessCluster(Map<String, String> environment) {
		this.environment = environment;
		this.script = new ClusterScript(Path.of("scripts/cluster.sh").toAbsolutePath(), environment);
	}

	static ProcessCluster start(Path data, String consensus) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PAXOSHUB_BASE_PORT", Integer.toString(freeBase()));
		environment.put("PAXOSHUB_DATA_DIR", data.toString());
		environment.put("PAXOSHUB_CLASSPATH", mainClasspath());
		// Four JVMs share two cores with the tests: the quick compiler starts them
		// sooner.
		environment.put("PAXOSHUB_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xmx400m");
		ProcessCluster cluster = new ProcessCluster(environment);
		try {
			cluster.script.run("start", "--", "--paxoshub.consensus=" + consensus);
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
		return cluster;
	}

	ClusterScript script() {
		return this.script;
	}

	/** What the checker's own calls to the script need, restarts included. */
	Map<String, String> environment() {
		return this.environment;
	}

	Map<String, URI> urls() {
		return this.script.urls();
	}

	String operatorPassword() {
		return FaultRunCommand.operatorPassword(Path.of(this.environment.get("PAXOSHUB_DATA_DIR")));
	}

	@Override
	public void close() {
		this.script.run("stop");
	}

	/**
	 * A base port whose front door, nodes (next three) and Raft members (a thousand above
	 * those) are all free, below the range of outgoing connections.
	 */
	private static int freeBase() {
		for (int base = 20_000 + (int) (ProcessHandle.current().pid() % 40) * 100; base < 31_000; base += 10) {
			int first = base;
			if (List.of(0, 1, 2, 3, 1001, 1002, 1003).stream().allMatch((offset) -> free(first + offset))) {
				return base;
			}
		}
		throw new IllegalStateException("No free base port for a process cluster");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The main classes and their libraries, without the test classes. Surefire may hand
	 * the JVM a single jar whose manifest names the real class path.
	 */
	static String mainClasspath() {
		List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path").split(":")));
		if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
			try (JarFile booter = new JarFile(entries.get(0))) {
				String manifest = booter.getManifest().getMainAttributes().getValue("Class-Path");
				if (manifest != null) {
					entries = Arrays.stream(manifest.split(" "))
						.filter((entry) -> !entry.isBlank())
						.map((entry) -> Path.of(URI.create(entry)).toString())
						.collect(Collectors.toCollection(ArrayList::new));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return entries.stream()
			.filter((entry) -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
			.filter((entry) -> Files.exists(Path.of(entry)))
			.collect(Collectors.joining(":"));
	}

}
