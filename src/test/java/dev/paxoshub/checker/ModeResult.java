package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one consensus mode measured on its own cluster. */
final class ModeResult {

	final String mode;

	/** How cluster.sh makes partitions ({@code netns} or {@code links}). */
	String partitions;

	/** The whole {@code cluster.sh start} call. */
	double startSeconds = Double.NaN;

	final Map<String, PartStart> starts = new LinkedHashMap<>();

	final Map<String, Long> pids = new LinkedHashMap<>();

	final Map<Integer, LoadLevel> levels = new LinkedHashMap<>();

	final Map<String, Double> rssAfterLoad = new LinkedHashMap<>();

	final List<FailoverTrial> trials = new ArrayList<>();

	/** By phase: how busy the machine was and how much of it was not ours. */
	final Map<String, String> cpu = new LinkedHashMap<>();

	final Map<String, Map<String, Integer>> logProblems = new LinkedHashMap<>();

	/** What failed, each a note in the report. */
	final List<String> failures = new ArrayList<>();

	ModeResult(String mode) {
		this.mode = mode;
	}

}
