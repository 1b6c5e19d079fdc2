package dev.paxoshub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark is doing, each line stamped with the time and the load average:
 * printed at once, to follow a long run, and kept for the end of the report, where a
 * stall can be set against what the machine was doing.
 */
public final class ProgressLog {

	private final String tag;

	private final List<String> lines = new ArrayList<>();

	/**
	 * @param tag in brackets before each printed line, to tell the benchmark's lines from
	 * those of the nodes it runs
	 */
	public ProgressLog(String tag) {
		this.tag = tag;
	}

	public void say(String line) {
		String stamped = String.format(Locale.ROOT, "%tT [load %.1f] %s", System.currentTimeMillis(),
				CpuUsage.loadAverage(), line);
		synchronized (this.lines) {
			this.lines.add(stamped);
		}
		System.out.println("[" + this.tag + "] " + stamped);
		System.out.flush();
	}

	public List<String> lines() {
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

}
