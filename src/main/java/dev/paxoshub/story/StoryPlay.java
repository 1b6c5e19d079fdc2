package dev.paxoshub.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import dev.paxoshub.story.HomeApi.ClusterInfo;
import dev.paxoshub.story.HomeApi.NodeInfo;
import dev.paxoshub.story.Recording.Checked;
import dev.paxoshub.story.Recording.ClusterState;
import dev.paxoshub.story.Recording.NodeState;
import dev.paxoshub.story.Recording.SideRecord;
import dev.paxoshub.story.Recording.StepRecord;
import dev.paxoshub.story.Recording.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scenario played on every cluster at once, step by step: each step happens on every
 * side at the same moment, then each cluster is looked at. It can be played through,
 * paused and stepped; what it did is its {@link Recording}.
 */
public final class StoryPlay {

	private static final Logger log = LoggerFactory.getLogger(StoryPlay.class);

	/** How long the clusters are given to be ready before the first step. */
	private static final Duration READY_WITHIN = Duration.ofSeconds(120);

	private final String id;

	private final Scenario scenario;

	private final List<ClusterInfo> sides;

	private final HomeApi home;

	private final Duration beat;

	private final boolean resetFirst;

	private final Map<String, SiteSession> browsers = new ConcurrentHashMap<>();

	/** Per side, which node each role named so far stands for. */
	private final Map<String, Map<String, String>> roles = new ConcurrentHashMap<>();

	private final List<StepRecord> played = new ArrayList<>();

	private final ExecutorService runner;

	private final ExecutorService perSide;

	private String state = "ready";

	private String problem;

	/** What the play does before its first step, if it still does. */
	private String preparing;

	private boolean oneStep;

	private boolean stopped;

	private Map<String, Verdict> verdicts = Map.of();

	private Instant startedAt;

	private Instant finishedAt;

	/**
	 * @param beat the pause after each step while playing through, so a viewer can read
	 * it; zero plays as fast as the clusters answer
	 */
	StoryPlay(String id, Scenario scenario, List<ClusterInfo> sides, HomeApi home, Duration beat, boolean resetFirst) {
		this.id = id;
		this.resetFirst = resetFirst;
		this.scenario = scenario;
		this.sides = List.copyOf(sides);
		this.home = home;
		this.beat = beat;
		this.runner = Executors.newSingleThreadExecutor((task) -> daemon(task, "story-" + id));
		this.perSide = Executors.newFixedThreadPool(sides.size(), (task) -> daemon(task, "story-" + id + "-side"));
		this.runner.execute(this::run);
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	public String id() {
		return this.id;
	}

	public synchronized void play() {
		if (!finished()) {
			this.state = "playing";
			notifyAll();
		}
	}

	public synchronized void pause() {
		if ("playing".equals(this.state)) {
			this.state = "paused";
			notifyAll();
		}
	}

	/** Plays the next step only, then waits. */
	public synchronized void step() {
		if (!finished()) {
			if ("playing".equals(this.state)) {
				this.state = "paused";
			}
			this.oneStep = true;
			notifyAll();
		}
	}

	/** Stops for good, as before a reset; the recording keeps what was played. */
	public void stop() {
		synchronized (this) {
			this.stopped = true;
			if (!finished()) {
				this.state = "failed";
				this.problem = "Stopped before the end.";
				this.finishedAt = Instant.now();
			}
			notifyAll();
		}
		this.runner.shutdownNow();
		this.perSide.shutdownNow();
	}

	public synchronized boolean finished() {
		return "finished".equals(this.state) || "failed".equals(this.state);
	}

	public synchronized Recording recording() {
		String shownState = (this.preparing != null && !finished()) ? this.preparing : this.state;
		return new Recording(this.id, this.scenario.title(), this.scenario.summary(),
				this.sides.stream().map(ClusterInfo::name).toList(), shownState, this.problem,
				this.scenario.steps().size(), this.played, this.verdicts, this.startedAt, this.finishedAt);
	}

	private void run() {
		try {
			if (this.resetFirst) {
				preparing("resetting");
				StoryStage.resetAll(this.home);
			}
			preparing("waiting for the clusters");
			waitUntilReady();
			preparing(null);
			for (int next = 0; next < this.scenario.steps().size(); next++) {
				if (!awaitTurn()) {
					return;
				}
				StepRecord record = play(next + 1, this.scenario.steps().get(next));
				synchronized (this) {
					this.played.add(record);
				}
				if (next + 1 < this.scenario.steps().size()) {
					Duration pause = this.scenario.steps().get(next).pause();
					breathe((pause != null && !this.beat.isZero()) ? pause : this.beat);
				}
			}
			finish();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("The play of '{}' failed", this.scenario.title(), ex);
			fail(ex.getMessage());
		}
	}

	private synchronized void preparing(String what) {
		this.preparing = what;
	}

	private void waitUntilReady() throws InterruptedException {
		Instant deadline = Instant.now().plus(READY_WITHIN);
		while (true) {
			List<String> waiting = this.sides.stream()
				.flatMap((side) -> this.home.cluster(side.name())
					.notReady()
					.stream()
					.map((why) -> "cluster " + side.name() + ": " + why))
				.toList();
			if (waiting.isEmpty()) {
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("The clusters were not ready to play: " + String.join("; ", waiting)
						+ ". Reset them, or heal them, and play again.");
			}
			Thread.sleep(500);
		}
	}

	/**
	 * @return false when the play was stopped
	 */
	private synchronized boolean awaitTurn() throws InterruptedException {
		while (!this.stopped && !"playing".equals(this.state) && !this.oneStep) {
			wait();
		}
		if (this.startedAt == null) {
			this.startedAt = Instant.now();
		}
		this.oneStep = false;
		return !this.stopped;
	}

	/** The viewer's pause between steps; a pause or a step request cuts it short. */
	private synchronized void breathe(Duration beat) throws InterruptedException {
		long until = System.nanoTime() + beat.toNanos();
		while ("playing".equals(this.state) && !this.stopped && !this.oneStep) {
			long left = (until - System.nanoTime()) / 1_000_000;
			if (left <= 0) {
				return;
			}
			wait(left);
		}
	}

	private StepRecord play(int index, Step step) {
		Instant at = Instant.now();
		Map<String, SideRecord> sides = onEverySide((side) -> playOn(side, step));
		return new StepRecord(index, step.line(), kind(step), headline(step), at, sides);
	}

	private SideRecord playOn(ClusterInfo side, Step step) {
		ClusterInfo before = this.home.cluster(side.name());
		String mode = before.mode().toLowerCase(Locale.ROOT);
		String narration = step.say().forMode(mode);
		if (step instanceof ActorStep action) {
			Exchange exchange = ActorMoves.perform(action, resolve(side, before, action.node()),
					browser(side, action.actor()));
			Checked checked = action.expect().forMode(mode).map((expect) -> check(expect, exchange)).orElse(null);
			return new SideRecord(mode, narration, exchange, null, checked, look(side, false));
		}
		if (step instanceof ChaosStep chaos) {
			ChaosStep resolved = new ChaosStep(chaos.line(), chaos.action(), resolve(side, before, chaos.node()),
					chaos.from().stream().map((peer) -> resolve(side, before, peer)).toList(), chaos.direction(),
					chaos.delayMs(), chaos.emptyDisk(), chaos.say(), chaos.pause());
			return new SideRecord(mode, narration, null, apply(side, resolved), null, look(side, false));
		}
		WaitStep pause = (WaitStep) step;
		sleep(pause.duration());
		return new SideRecord(mode, narration, null, "Waited " + durationText(pause.duration()) + ".", null,
				look(side, false));
	}

	/**
	 * The node a step names. {@code leader} and {@code follower} are found on each
	 * cluster the first time the scenario names them, and then keep meaning that node: a
	 * leader cut off in one step is the node the next step sends a request to, whatever
	 * the others have elected since. Null stays null (the front door chooses).
	 */
	private String resolve(ClusterInfo side, ClusterInfo now, String node) {
		if (node == null || !NodeNames.ROLES.contains(node)) {
			return node;
		}
		Map<String, String> known = this.roles.computeIfAbsent(side.name(), (name) -> new ConcurrentHashMap<>());
		return known.computeIfAbsent(node, (role) -> find(now, role, known.get("leader")));
	}

	/**
	 * A healthy node with the role, else any node that answers; never the leader for a
	 * follower.
	 */
	static String find(ClusterInfo cluster, String role, String leader) {
		List<NodeInfo> candidates = cluster.nodes()
			.stream()
			.filter((node) -> !node.name().equals(leader) || role.equals("leader"))
			.sorted(Comparator.comparing((NodeInfo node) -> !role.equals(node.role()))
				.thenComparing((node) -> !"up".equals(node.condition()))
				.thenComparing((node) -> !node.up()))
			.toList();
		return candidates.isEmpty() ? null : candidates.get(0).name();
	}

	private String apply(ClusterInfo side, ChaosStep chaos) {
		try {
			String done = this.home.chaos(side.name(), chaos);
			if (chaos.action() == ChaosAction.REVIVE) {
				awaitFrontDoor(side, chaos.node());
			}
			return done;
		}
		catch (HomeRefusedException ex) {
			return "Not done: " + ex.getMessage();
		}
	}

	/**
	 * A revived node serves at once, but its front door sends people to it only once its
	 * health check has seen it again; until then a request for it lands elsewhere.
	 */
	private static void awaitFrontDoor(ClusterInfo side, String node) {
		SiteSession probe = new SiteSession(side.frontDoor(), Duration.ofSeconds(5));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline && !node.equalsIgnoreCase(probe.open("/", node).servedBy())) {
			sleep(Duration.ofMillis(100));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private SiteSession browser(ClusterInfo side, String actor) {
		return this.browsers.computeIfAbsent(side.name() + "/" + actor,
				(key) -> new SiteSession(side.frontDoor(), Duration.ofSeconds(30)));
	}

	static Checked check(Expectation expect, Exchange exchange) {
		List<String> wrong = new ArrayList<>();
		if (expect.status() != null && expect.status() != exchange.status()) {
			wrong.add("it came back with " + exchange.status() + ", not " + expect.status());
		}
		String text = PageSummary.text(exchange.page()).toLowerCase(Locale.ROOT);
		expect.contains()
			.stream()
			.filter((words) -> !text.contains(words.toLowerCase(Locale.ROOT)))
			.forEach((words) -> wrong.add("the page does not say \"" + words + "\""));
		expect.lacks()
			.stream()
			.filter((words) -> text.contains(words.toLowerCase(Locale.ROOT)))
			.forEach((words) -> wrong.add("the page says \"" + words + "\""));
		return new Checked(expect.notice(), wrong.isEmpty(),
				wrong.isEmpty() ? "" : String.join("; ", wrong) + " (" + exchange.summary() + ")");
	}

	/**
	 * The cluster as it is now; with {@code shown}, also which account each node answers
	 * with.
	 */
	private ClusterState look(ClusterInfo side, boolean shown) {
		ClusterInfo now = this.home.cluster(side.name());
		List<NodeState> nodes = now.nodes()
			.stream()
			.map((node) -> new NodeState(node.name(), node.up(), node.condition(), node.role(), node.term(),
					node.writable(), node.up() ? this.home.accounts(node.url()) : List.of()))
			.toList();
		Map<String, Map<String, String>> answers = shown ? shownNames(side, now) : Map.of();
		return new ClusterState(now.mode(), nodes, this.home.properties(side.name()), answers);
	}

	private Map<String, Map<String, String>> shownNames(ClusterInfo side, ClusterInfo now) {
		Map<String, Map<String, String>> shown = new LinkedHashMap<>();
		SiteSession reader = new SiteSession(side.frontDoor(), Duration.ofSeconds(10));
		for (String username : Verdicts.usernames(this.scenario)) {
			Map<String, String> byNode = new LinkedHashMap<>();
			now.nodes().forEach((node) -> byNode.put(node.name(), reader.accountShown(username, node.name())));
			shown.put(username, byNode);
		}
		return shown;
	}

	private void finish() {
		Map<String, ClusterState> last = onEverySide((side) -> look(side, true));
		List<StepRecord> steps;
		synchronized (this) {
			steps = List.copyOf(this.played);
		}
		Map<String, Verdict> judged = new LinkedHashMap<>();
		for (ClusterInfo side : this.sides) {
			judged.put(side.name(), Verdicts.judge(this.scenario, side.name(), steps, last.get(side.name())));
		}
		synchronized (this) {
			this.verdicts = judged;
			this.state = "finished";
			this.finishedAt = Instant.now();
		}
		this.perSide.shutdown();
	}

	private synchronized void fail(String why) {
		this.state = "failed";
		this.problem = why;
		this.finishedAt = Instant.now();
	}

	private <T> Map<String, T> onEverySide(Function<ClusterInfo, T> work) {
		Map<String, CompletableFuture<T>> running = new LinkedHashMap<>();
		this.sides.forEach((side) -> running.put(side.name(),
				CompletableFuture.supplyAsync(() -> work.apply(side), this.perSide)));
		Map<String, T> done = new LinkedHashMap<>();
		running.forEach((name, future) -> done.put(name, future.join()));
		return done;
	}

	private static String kind(Step step) {
		if (step instanceof ActorStep) {
			return "action";
		}
		return (step instanceof ChaosStep) ? "chaos" : "wait";
	}

	static String headline(Step step) {
		if (step instanceof ActorStep action) {
			return action.actor() + ": " + action.action().fileName()
					+ ((action.node() != null) ? " on " + HomeApi.displayName(action.node()) : " (front door)");
		}
		if (step instanceof ChaosStep chaos) {
			return "chaos: " + chaos.action().fileName()
					+ ((chaos.node() != null) ? " " + HomeApi.displayName(chaos.node()) : " every node");
		}
		return "wait " + durationText(((WaitStep) step).duration());
	}

	static String durationText(Duration duration) {
		long millis = duration.toMillis();
		if (millis % 60_000 == 0) {
			return (millis / 60_000) + " min";
		}
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

}
