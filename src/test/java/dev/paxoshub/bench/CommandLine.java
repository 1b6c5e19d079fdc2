package dev.paxoshub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.paxoshub.consensus.ConsensusMode;

/**
 * A benchmark's arguments: {@code --name=value} options and bare flags, the last of a
 * name winning. {@code --quick} is known before any option is read, so that a default can
 * depend on it and an option given beside it still wins. An argument whose name no
 * benchmark option asked for is refused, with the usage.
 */
public final class CommandLine {

	private final List<String> args;

	private final Set<String> asked = new HashSet<>(Set.of("--quick", "--help", "-h"));

	public CommandLine(String[] args) {
		this.args = List.of(args);
	}

	/** Only {@code --quick} itself, not {@code --quick=...}. */
	public boolean quick() {
		return this.args.contains("--quick");
	}

	public boolean help() {
		return flag("--help") || flag("-h");
	}

	/** {@code --mode}: both (OFF, then ON), on or off. */
	public List<ConsensusMode> modes() {
		return last("--mode").map((mode) -> switch (mode.toLowerCase(Locale.ROOT)) {
			case "on" -> List.of(ConsensusMode.ON);
			case "off" -> List.of(ConsensusMode.OFF);
			case "both" -> List.of(ConsensusMode.OFF, ConsensusMode.ON);
			default -> throw new IllegalArgumentException("--mode is both, on or off: " + mode);
		}).orElse(List.of(ConsensusMode.OFF, ConsensusMode.ON));
	}

	/**
	 * {@code --clients}: how many clients at each load level, 1, 16 and 64 if not given.
	 */
	public int[] clients() {
		return last("--clients").map((list) -> Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray())
			.orElse(new int[] { 1, 16, 64 });
	}

	public int integer(String name, int fallback) {
		return last(name).map(Integer::parseInt).orElse(fallback);
	}

	public double decimal(String name, double fallback) {
		return last(name).map(Double::parseDouble).orElse(fallback);
	}

	/** A number of seconds, fractions allowed, to the millisecond. */
	public Duration seconds(String name, Duration fallback) {
		return last(name).map((s) -> Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000))).orElse(fallback);
	}

	public Duration millis(String name, Duration fallback) {
		return last(name).map((ms) -> Duration.ofMillis(Long.parseLong(ms))).orElse(fallback);
	}

	public Path path(String name, Path fallback) {
		return last(name).map(Path::of).orElse(fallback);
	}

	/** Whether the flag is given, whatever follows an {@code =}. */
	public boolean flag(String name) {
		this.asked.add(name);
		return this.args.stream().anyMatch((arg) -> name(arg).equals(name));
	}

	/** Every value of an option that may be given more than once, in order. */
	public List<String> all(String name) {
		this.asked.add(name);
		return this.args.stream().filter((arg) -> name(arg).equals(name)).map(CommandLine::valueOf).toList();
	}

	/** Once every option was read: the first argument none of them named, if any. */
	public void refuseUnknown(String usage) {
		for (String arg : this.args) {
			if (!this.asked.contains(name(arg))) {
				throw new IllegalArgumentException("unknown option " + arg + "\n" + usage);
			}
		}
	}

	private Optional<String> last(String name) {
		List<String> values = all(name);
		return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
	}

	private static String name(String arg) {
		return arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
	}

	private static String valueOf(String arg) {
		return arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
	}

}
