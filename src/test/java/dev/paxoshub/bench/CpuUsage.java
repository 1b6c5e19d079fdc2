package dev.paxoshub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time from /proc, to tell a benchmark's own load from the machine's: the machine's
 * busy and total jiffies, and those of this JVM and of the processes it started. A
 * benchmark shares its machine, so a slow phase is only telling next to how busy the
 * others kept the CPUs.
 */
public final class CpuUsage {

	/** Where /proc could not be read: every share with it is "n/a". */
	private static final CpuUsage UNKNOWN = new CpuUsage(0, 0, Map.of());

	private final long busy;

	private final long total;

	private final Map<Long, Long> ours;

	private CpuUsage(long busy, long total, Map<Long, Long> ours) {
		this.busy = busy;
		this.total = total;
		this.ours = ours;
	}

	/** The machine and this JVM. */
	public static CpuUsage now() {
		return read(null);
	}

	/**
	 * The machine, this JVM and each process with a {@code .pid} file in
	 * {@code pidFiles}, read again each time since processes come and go.
	 */
	public static CpuUsage now(Path pidFiles) {
		return read(pidFiles);
	}

	private static CpuUsage read(Path pidFiles) {
		try {
			String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < all.length; i++) {
				total += Long.parseLong(all[i]);
			}
			long idle = Long.parseLong(all[4]) + Long.parseLong(all[5]);
			Map<Long, Long> ours = new LinkedHashMap<>();
			ours.put(ProcessHandle.current().pid(), used(ProcessHandle.current().pid()));
			if (pidFiles != null && Files.isDirectory(pidFiles)) {
				try (Stream<Path> files = Files.list(pidFiles)) {
					for (Path file : files.filter((f) -> f.toString().endsWith(".pid")).toList()) {
						long pid = Long.parseLong(Files.readString(file).trim());
						ours.put(pid, used(pid));
					}
				}
			}
			return new CpuUsage(total - idle, total, ours);
		}
		catch (IOException | RuntimeException ex) {
			return UNKNOWN;
		}
	}

	/** utime + stime of one process; 0 once it is gone. */
	private static long used(long pid) {
		try {
			String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// After the command name: utime and stime are fields 14 and 15 of proc(5).
			String[] fields = text.substring(text.lastIndexOf(')') + 2).split("\\s+");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * From this reading to a later one: how busy the machine was, and how much of that
	 * was not ours. A process killed in between counts up to its last reading here; one
	 * started in between counts from its start.
	 */
	public String share(CpuUsage after) {
		double total = after.total - this.total;
		if (this == UNKNOWN || after == UNKNOWN || total < 50) {
			return "n/a";
		}
		double busy = after.busy - this.busy;
		double ours = 0;
		for (Map.Entry<Long, Long> process : after.ours.entrySet()) {
			ours += Math.max(0, process.getValue() - this.ours.getOrDefault(process.getKey(), 0L));
		}
		double others = Math.max(0, busy - ours);
		return String.format(Locale.ROOT, "machine %.0f%% busy, other processes %.0f%%", busy / total * 100,
				others / total * 100);
	}

	/**
	 * The report's line of each phase's share of the CPUs.
	 * @param ours what the shares count as the benchmark's own
	 */
	public static String byPhase(Map<String, String> shares, String ours) {
		return "- CPU by phase (share of all " + Runtime.getRuntime().availableProcessors() + " CPUs; " + ours + "): "
				+ shares + "\n";
	}

	/** The 1-minute load average, from /proc/loadavg; NaN where there is none. */
	public static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

}
