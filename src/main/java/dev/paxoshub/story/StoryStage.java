package dev.paxoshub.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.paxoshub.story.HomeApi.ClusterInfo;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StreamUtils;

/**
 * Where scenarios are played: one play at a time on every cluster, the last few kept to
 * look back at, the built-in scenarios, and the reset that brings every cluster back to
 * empty so a story can be played again.
 */
public class StoryStage implements AutoCloseable {

	/** A viewer's pause after each step at normal speed. */
	public static final Duration NORMAL_BEAT = Duration.ofSeconds(2);

	private static final int KEPT = 5;

	private final Supplier<HomeApi> home;

	private final ScenarioReader reader;

	private final Map<String, BuiltInScenario> builtIns;

	private final Map<String, StoryPlay> plays = new LinkedHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	private StoryPlay current;

	private CompletableFuture<Void> resetting = CompletableFuture.completedFuture(null);

	private String resetProblem;

	/**
	 * @param home the home's API, once the home is listening
	 * @param nodeNames the names a scenario may give its nodes
	 */
	public StoryStage(Supplier<HomeApi> home, List<String> nodeNames) {
		this.home = home;
		this.reader = new ScenarioReader(nodeNames);
		this.builtIns = loadBuiltIns(this.reader);
	}

	public List<BuiltInScenario> builtIns() {
		return List.copyOf(this.builtIns.values());
	}

	public Optional<BuiltInScenario> builtIn(String name) {
		return Optional.ofNullable(this.builtIns.get(name));
	}

	/**
	 * @throws InvalidScenarioException with every error of the file, by line
	 */
	public Scenario read(String text) {
		return this.reader.read(text);
	}

	/**
	 * Starts a play on every cluster the home shows, stopping the one before.
	 * @param resetFirst whether every cluster is brought back to empty before the first
	 * step
	 * @param beat the pause after each step
	 * @param playing whether it plays through at once, or waits for play or step
	 */
	public synchronized StoryPlay start(Scenario scenario, boolean resetFirst, Duration beat, boolean playing) {
		if (!this.resetting.isDone()) {
			throw new HomeRefusedException(409, "The clusters are being reset; play once that is done.");
		}
		if (this.current != null) {
			this.current.stop();
		}
		List<ClusterInfo> sides = this.home.get().clusters();
		String id = String.valueOf(this.ids.incrementAndGet());
		StoryPlay play = new StoryPlay(id, scenario, sides, this.home.get(), beat, resetFirst);
		this.plays.put(id, play);
		while (this.plays.size() > KEPT) {
			this.plays.remove(this.plays.keySet().iterator().next());
		}
		this.current = play;
		if (playing) {
			play.play();
		}
		return play;
	}

	public synchronized Optional<StoryPlay> current() {
		return Optional.ofNullable(this.current);
	}

	public synchronized Optional<StoryPlay> play(String id) {
		return Optional.ofNullable(this.plays.get(id));
	}

	/**
	 * Stops the play and brings every cluster back to empty, in the background; the page
	 * shows it happening.
	 */
	public synchronized void reset() {
		if (!this.resetting.isDone()) {
			return;
		}
		if (this.current != null) {
			this.current.stop();
			this.current = null;
		}
		HomeApi api = this.home.get();
		this.resetProblem = null;
		this.resetting = CompletableFuture.runAsync(() -> resetAll(api)).exceptionally((failure) -> {
			synchronized (this) {
				this.resetProblem = failure.getMessage();
			}
			return null;
		});
	}

	public synchronized boolean isResetting() {
		return !this.resetting.isDone();
	}

	public synchronized String resetProblem() {
		return this.resetProblem;
	}

	/** The play in progress stops with the home. */
	@Override
	public synchronized void close() {
		if (this.current != null) {
			this.current.stop();
		}
	}

	static void resetAll(HomeApi api) {
		CompletableFuture
			.allOf(api.clusters()
				.stream()
				.map((cluster) -> CompletableFuture.runAsync(() -> api.reset(cluster.name())))
				.toArray(CompletableFuture[]::new))
			.join();
	}

	private static Map<String, BuiltInScenario> loadBuiltIns(ScenarioReader reader) {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:scenarios/*.yaml");
			Map<String, BuiltInScenario> builtIns = new LinkedHashMap<>();
			List<Resource> sorted = new ArrayList<>(Arrays.asList(files));
			// The article's story first, then the others by name.
			sorted.sort(Comparator.comparing((Resource file) -> !file.getFilename().startsWith("the-story"))
				.thenComparing(Resource::getFilename));
			for (Resource file : sorted) {
				String text = StreamUtils.copyToString(file.getInputStream(), StandardCharsets.UTF_8);
				String name = file.getFilename().replaceFirst("\\.yaml$", "");
				builtIns.put(name, new BuiltInScenario(name, reader.read(text), text));
			}
			return builtIns;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
