package dev.paxoshub.checker;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

import dev.paxoshub.bench.Attempt;

/**
 * What the sign-ups written through a survivor tell of the kill of the leader, in
 * milliseconds from the kill; NaN for what did not happen.
 *
 * @param tried how many sign-ups ended while the writer ran
 * @param lastAckBeforeMillis before the kill: the last acknowledged sign-up
 * @param ackMillis to the 201 of the first sign-up sent after the kill
 * @param sentAfterMillis when that sign-up was sent
 * @param ownMillis that sign-up's own latency
 * @param failures what failed between the kill and that 201, and how often
 * @param inFlightAcked sign-ups in flight at the kill and acknowledged after it
 */
record SurvivorWrites(int tried, double lastAckBeforeMillis, double ackMillis, double sentAfterMillis, double ownMillis,
		Map<String, Integer> failures, long inFlightAcked) {

	/** Before the writer ran, or when the trial ended before the kill. */
	static final SurvivorWrites NONE = new SurvivorWrites(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of(),
			0);

	/**
	 * @param kill when the SIGKILL was sent ({@link System#nanoTime()})
	 * @param first the first acknowledged sign-up sent after it, or null
	 */
	static SurvivorWrites of(List<Attempt> attempts, long kill, Attempt first) {
		OptionalLong lastAck = attempts.stream().filter((a) -> a.ok() && a.end() < kill).mapToLong(Attempt::end).max();
		double lastAckBefore = lastAck.isPresent() ? (kill - lastAck.getAsLong()) / 1e6 : Double.NaN;
		if (first == null) {
			return new SurvivorWrites(attempts.size(), lastAckBefore, Double.NaN, Double.NaN, Double.NaN, Map.of(), 0);
		}
		Map<String, Integer> failures = new TreeMap<>();
		attempts.stream()
			.filter((a) -> !a.ok() && a.end() >= kill && a.end() <= first.end())
			.forEach((a) -> failures.merge(a.error(), 1, Integer::sum));
		long inFlightAcked = attempts.stream().filter((a) -> a.ok() && a.start() < kill && a.end() >= kill).count();
		return new SurvivorWrites(attempts.size(), lastAckBefore, (first.end() - kill) / 1e6,
				(first.start() - kill) / 1e6, (first.end() - first.start()) / 1e6, failures, inFlightAcked);
	}

}
