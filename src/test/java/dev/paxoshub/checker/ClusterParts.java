package dev.paxoshub.checker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four parts of the cluster as {@code cluster.sh} runs them: their names, the pid
 * files it writes for them and what /proc says of those processes.
 */
final class ClusterParts {

	static final List<String> NODES = List.of("morpheus", "neo", "trinity");

	static final List<String> ALL = List.of("morpheus", "neo", "trinity", ClusterScript.FRONT_DOOR);

	private final Path pidFiles;

	/**
	 * @param pidFiles {@code $PAXOSHUB_DATA_DIR/pids}
	 */
	ClusterParts(Path pidFiles) {
		this.pidFiles = pidFiles;
	}

	Path pidFiles() {
		return this.pidFiles;
	}

	/** The pid of each part that has a pid file. */
	Map<String, Long> pids() throws IOException {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (String part : ALL) {
			Path file = this.pidFiles.resolve(part + ".pid");
			if (Files.exists(file)) {
				pids.put(part, Long.parseLong(Files.readString(file).trim()));
			}
		}
		return pids;
	}

	/**
	 * The node's running JVM. Never a process that took the pid since the file was
	 * written: that one would be killed in its place.
	 */
	ProcessHandle jvm(String node) throws IOException {
		long pid = Long.parseLong(Files.readString(this.pidFiles.resolve(node + ".pid")).trim());
		ProcessHandle process = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.orElseThrow(() -> new IllegalStateException(node + " (pid " + pid + ") is not running"));
		String command = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
		if (!command.contains("--paxoshub.node=" + node)) {
			throw new IllegalStateException("pid " + pid + " is not " + node + "'s JVM: " + command);
		}
		return process;
	}

	/**
	 * Whether the process still runs. A killed JVM stays a zombie until whoever adopted
	 * it reaps it (here over a second later), but by then it has exited and its sockets
	 * are closed, so a zombie counts as gone.
	 */
	static boolean running(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			char state = stat.charAt(stat.lastIndexOf(')') + 2);
			return state != 'Z' && state != 'X';
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** VmRSS from /proc, in MB; NaN for a process that is gone. */
	static double rssMb(Long pid) {
		if (pid == null) {
			return Double.NaN;
		}
		try {
			return Files.readAllLines(Path.of("/proc", pid.toString(), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToDouble((line) -> Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024)
				.findFirst()
				.orElse(Double.NaN);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

}
