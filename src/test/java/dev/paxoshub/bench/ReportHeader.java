package dev.paxoshub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The lines both benchmark reports open with, so that two reports of one machine can be
 * set side by side: the title, when, on what machine, and how the run was asked for.
 */
public final class ReportHeader {

	private ReportHeader() {
	}

	/**
	 * The title, the date and the machine line up to the operating system's version; each
	 * report ends that line with what bears on its own figures.
	 */
	public static StringBuilder start(String title) {
		return new StringBuilder().append("# ")
			.append(title)
			.append("\n\n- date: ")
			.append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
			.append("\n- machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" CPUs (nproc), ")
			.append(cpuModel())
			.append(", ")
			.append(System.getProperty("os.name"))
			.append(' ')
			.append(System.getProperty("os.version"));
	}

	/** Full or --quick, how long it took and with which options, as a line. */
	public static String run(boolean quick, Duration took, Object options) {
		return "- run: " + (quick ? "--quick" : "full") + ", took " + took.toSeconds() + " s; " + options + "\n";
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown CPU";
		}
	}

}
