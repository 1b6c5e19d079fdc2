package dev.paxoshub.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The claims of the README measured on real processes: Morpheus, Neo, Trinity and the
 * front door as four JVMs started by {@code scripts/cluster.sh} from
 * {@code target/paxoshub.jar}, first with consensus OFF and then ON, each on a fresh
 * cluster with fresh data. A plain {@code main}, not a test; {@code scripts/bench.sh}
 * runs it after the in-JVM claim benchmark.
 * <ol>
 * <li>sign-ups end to end through the front door ({@code POST /api/accounts}, BCrypt
 * included) at 1, 16 and 64 concurrent clients: p50, p99, sign-ups per second;</li>
 * <li>one BCrypt encode on its own, in this JVM, so the sign-up minus its hashing shows
 * what the rest (and consensus) costs;</li>
 * <li>(ON) leader failover after a real SIGKILL of the leader's process: from the kill to
 * the first acknowledged sign-up through a survivor that was sent after it;</li>
 * <li>start-up time and resident memory of each process, at start and after the
 * load.</li>
 * </ol>
 * Prints a Markdown report and writes it to {@code target/bench/processes.md}. The
 * clusters are always stopped, also when a measurement fails.
 */
public final class ProcessBenchmark {

	private static final List<String> NODES = List.of("morpheus", "neo", "trinity");

	private static final List<String> PARTS = List.of("morpheus", "neo", "trinity", ClusterScript.FRONT_DOOR);

	private static final String PASSWORD = "bench-password-1";

	/**
	 * Generous: at 64 clients on two cores a sign-up queues behind dozens of BCrypts.
	 */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	/** The line {@code cluster.sh start} prints for each part once it serves. */
	private static final Pattern SERVES = Pattern
		.compile("^(\\S+) serves \\((\\S+)\\) ([0-9.]+) s after its start, (\\S+) MB resident", Pattern.MULTILINE);

	/** A Spring Boot log line at WARN or ERROR: its level and its logger. */
	private static final Pattern LOG_PROBLEM = Pattern
		.compile("^\\S+\\s+(WARN|ERROR)\\s+\\d+\\s+---\\s+(?:\\[[^]]*\\]\\s+)*(\\S+)\\s+:");

	private final Options options;

	private final List<String> log = new ArrayList<>();

	private boolean failed;

	private ProcessBenchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		if (options.help) {
			System.out.println(Options.USAGE);
			return;
		}
		int status;
		try {
			status = new ProcessBenchmark(options).run() ? 0 : 1;
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			status = 1;
		}
		// HttpClient selector threads may linger; the figures are out, so leave.
		System.exit(status);
	}

	/**
	 * @return whether every measurement ran
	 */
	private boolean run() throws IOException {
		long started = System.nanoTime();
		say("options: " + this.options);
		// Before any cluster runs, so the figure is BCrypt's and not the machine's
		// queue.
		Hashing hashing = hashing();
		say(String.format(Locale.ROOT, "one BCrypt encode (%s, strength %d) in this JVM: median %.1f ms (%s)",
				hashing.prefix, hashing.strength, hashing.times.percentileMs(50), hashing.cpu));
		Map<String, ModeResult> results = new LinkedHashMap<>();
		for (String mode : this.options.modes) {
			results.put(mode, measure(mode));
		}
		String report = report(hashing, results, Duration.ofNanos(System.nanoTime() - started));
		Path out = this.options.out.toAbsolutePath();
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println();
		System.out.println("==================== paxoshub process benchmark ====================");
		System.out.println(report);
		System.out.println("(written to " + this.options.out + ")");
		return !this.failed;
	}

	// ---------------------------------------------------------------- hashing

	private Hashing hashing() {
		// What every sign-up does: BcryptPasswords wraps a default BCryptPasswordEncoder.
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
		String hash = "";
		for (int i = 0; i < 5; i++) {
			hash = bcrypt.encode(PASSWORD);
		}
		Latencies times = new Latencies();
		Cpu before = Cpu.read(null);
		for (int i = 0; i < this.options.hashSamples; i++) {
			long t = System.nanoTime();
			bcrypt.encode(PASSWORD);
			times.add(System.nanoTime() - t);
		}
		String cpu = before.share(Cpu.read(null));
		// "$2a$10$...": the version and the log2 of the rounds.
		return new Hashing(hash.substring(0, 3), Integer.parseInt(hash.substring(4, 6)), times, cpu);
	}

	// ---------------------------------------------------------------- one mode

	private ModeResult measure(String mode) {
		ModeResult result = new ModeResult(mode);
		Path data = this.options.dataRoot.resolve(mode).toAbsolutePath();
		result.pidFiles = data.resolve("pids");
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PAXOSHUB_BASE_PORT", Integer.toString(this.options.basePort));
		environment.put("PAXOSHUB_DATA_DIR", data.toString());
		// Empty means "run target/paxoshub.jar" to cluster.sh, whatever the caller's
		// environment says: the benchmark measures what is shipped.
		environment.put("PAXOSHUB_CLASSPATH", "");
		// Four JVMs starting at once on a shared two-core machine can need more than
		// the script's default 120 s.
		environment.put("PAXOSHUB_START_TIMEOUT", "200");
		ClusterScript script = new ClusterScript(Path.of("scripts/cluster.sh").toAbsolutePath(), environment);
		SiteClient site = new SiteClient(REQUEST_TIMEOUT);
		Names names = new Names(mode);
		try {
			if (Files.isDirectory(data.resolve("pids"))) {
				// A run killed before its finally leaves processes that hold the ports.
				say(mode + ": stopping what an earlier run left in " + data);
				script.run("stop");
			}
			deleteRecursively(data);
			requireFree(this.options.basePort);
			say(mode + ": cluster.sh start -- --paxoshub.consensus=" + mode + " (" + data + ", base port "
					+ this.options.basePort + ")");
			long t = System.nanoTime();
			String started = script.run("start", "--", "--paxoshub.consensus=" + mode);
			result.startSeconds = (System.nanoTime() - t) / 1e9;
			started.lines().filter((line) -> SERVES.matcher(line).find()).forEach((line) -> say(mode + ": " + line));
			result.starts.putAll(serves(started));
			result.partitions = script.partitions();
			Map<String, URI> urls = script.urls();
			result.pids.putAll(pids(data));
			awaitWritable(site, urls, Duration.ofSeconds(120));
			say(mode + ": every node writable; pids " + result.pids + "; partitions: " + result.partitions);
			URI frontDoor = urls.get(ClusterScript.FRONT_DOOR);

			phase(result, "warm-up", () -> {
				// Cold JVMs answer a first sign-up in seconds: warm by count, not only by
				// time.
				Level warm = load(site, frontDoor, 16, names, Duration.ZERO, this.options.warmup,
						this.options.warmupSignups, Duration.ofSeconds(90));
				say(mode + ": warm-up through the front door: " + warm.summary());
			});
			for (int clients : this.options.clients) {
				phase(result, clients + (clients == 1 ? " client" : " clients"), () -> {
					Level level = load(site, frontDoor, clients, names, this.options.ramp, this.options.levelTime,
							this.options.minSignups, this.options.levelCap);
					result.levels.put(clients, level);
					say(mode + ", through the front door: " + level.summary());
				});
			}
			for (String part : PARTS) {
				result.rssAfterLoad.put(part, rssMb(result.pids.get(part)));
			}
			say(mode + ": resident after the load (MB): " + result.rssAfterLoad);
			if ("on".equals(mode) && this.options.trials > 0) {
				phase(result, "failover", () -> failover(script, site, urls, data, names, result));
			}
		}
		catch (RuntimeException | IOException ex) {
			fail(result, "the " + mode + " cluster failed: " + ex);
			ex.printStackTrace();
		}
		finally {
			try {
				long t = System.nanoTime();
				script.run("stop");
				say(mode + ": cluster stopped in " + (System.nanoTime() - t) / 1_000_000 + " ms; " + names.used()
						+ " usernames used");
			}
			catch (RuntimeException ex) {
				fail(result, "cluster.sh stop failed: " + ex.getMessage());
			}
			result.logProblems.putAll(logProblems(data.resolve("logs")));
		}
		return result;
	}

	private void phase(ModeResult result, String name, Runnable phase) {
		long t = System.nanoTime();
		Cpu before = Cpu.read(result.pidFiles);
		double load = Cpu.loadAverage();
		try {
			phase.run();
		}
		catch (RuntimeException ex) {
			fail(result, name + " failed: " + ex);
			ex.printStackTrace();
		}
		String cpu = before.share(Cpu.read(result.pidFiles));
		result.cpu.put(name, String.format(Locale.ROOT, "%s (load average %.1f at its start)", cpu, load));
		say(result.mode + ": " + name + " took " + (System.nanoTime() - t) / 1_000_000 + " ms; CPU: " + cpu);
	}

	private void fail(ModeResult result, String note) {
		this.failed = true;
		result.notes.add(note);
		say(result.mode + ": FAILED " + note);
	}

	// ---------------------------------------------------------------- load

	/**
	 * Closed loop: each client sends its next sign-up as soon as the last one is
	 * answered. What ends in the ramp is not counted; the level then runs at least
	 * {@code least} and until {@code minSignups} succeeded, at most {@code cap}. Sign-ups
	 * still in flight when it ends are not counted either.
	 */
	private Level load(SiteClient site, URI base, int clients, Names names, Duration ramp, Duration least,
			int minSignups, Duration cap) {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger ok = new AtomicInteger();
		long from = System.nanoTime() + ramp.toNanos();
		List<List<Done>> done = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			List<Done> mine = new ArrayList<>();
			done.add(mine);
			Thread thread = new Thread(() -> {
				while (running.get()) {
					String name = names.next();
					long start = System.nanoTime();
					Answer answer = site.claim(base, name, name, PASSWORD);
					long end = System.nanoTime();
					if (end < from) {
						continue;
					}
					String error = error(answer);
					mine.add(new Done(start, end, error));
					if (error == null) {
						ok.incrementAndGet();
					}
				}
			}, "bench-signup-" + c);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		sleepUntil(from + least.toNanos());
		while (ok.get() < minSignups && System.nanoTime() < from + cap.toNanos()) {
			sleep(20);
		}
		long until = System.nanoTime();
		running.set(false);
		for (Thread thread : threads) {
			try {
				thread.join(REQUEST_TIMEOUT.toMillis() + 5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		Level level = new Level(clients, (until - from) / 1e9);
		for (List<Done> mine : done) {
			for (Done d : mine) {
				if (d.end() > until) {
					continue;
				}
				if (d.error() == null) {
					level.latency.add(d.end() - d.start());
				}
				else {
					level.errors.merge(d.error(), 1, Integer::sum);
				}
			}
		}
		return level;
	}

	/** Null when the sign-up was acknowledged (201), else what went wrong, briefly. */
	private static String error(Answer answer) {
		if (answer.outcome() == Op.Outcome.OK && answer.status() == 201) {
			return null;
		}
		String detail = String.valueOf(answer.error());
		detail = detail.substring(0, Math.min(60, detail.length()));
		return (answer.status() == 0) ? detail : "HTTP " + answer.status() + " " + detail;
	}

	// ---------------------------------------------------------------- failover

	private void failover(ClusterScript script, SiteClient site, Map<String, URI> urls, Path data, Names names,
			ModeResult result) {
		for (int i = 1; i <= this.options.trials; i++) {
			Trial trial;
			try {
				trial = trial(i, script, site, urls, data, names);
				for (int again = 1; trial.leaderMoved && again <= 3; again++) {
					say("on: failover trial " + i + ": " + trial.leader
							+ " no longer led when it was to be killed; trial repeated");
					trial = trial(i, script, site, urls, data, names);
				}
			}
			catch (RuntimeException | IOException ex) {
				fail(result, "failover trial " + i + " failed: " + ex);
				ex.printStackTrace();
				// Bring back whatever is missing, so the next trial starts from three.
				script.run("start");
				continue;
			}
			if (!trial.leaderMoved) {
				result.trials.add(trial);
			}
			say("on: failover trial " + i + ": " + trial);
		}
	}

	private Trial trial(int number, ClusterScript script, SiteClient site, Map<String, URI> urls, Path data,
			Names names) throws IOException {
		Trial trial = new Trial(number);
		awaitWritable(site, urls, Duration.ofSeconds(120));
		String leader = leader(script, Duration.ofSeconds(20));
		String survivor = NODES.stream().filter((node) -> !node.equals(leader)).findFirst().orElseThrow();
		trial.leader = leader;
		trial.survivor = survivor;
		URI target = urls.get(survivor);
		long pid = Long.parseLong(Files.readString(data.resolve("pids").resolve(leader + ".pid")).trim());
		ProcessHandle process = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.orElseThrow(() -> new IllegalStateException(leader + " (pid " + pid + ") is not running"));
		// Never kill a pid some other program has taken since the file was written.
		String command = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
		if (!command.contains("--paxoshub.node=" + leader)) {
			throw new IllegalStateException("pid " + pid + " is not " + leader + "'s JVM: " + command);
		}
		trial.termBefore = term(site, target);

		Writer writer = new Writer(site, target, names, this.options.probeInterval);
		long kill;
		Done first;
		try {
			writer.start();
			// Acknowledged writes before the kill: the survivor was writing, not
			// starting to.
			sleep(1000);
			if (!leader.equals(leader(script, Duration.ofSeconds(5)))) {
				trial.leaderMoved = true;
				return trial;
			}
			// SIGKILL sent from here rather than through cluster.sh kill, so the instant
			// is the syscall's, not the script's start-up.
			kill = System.nanoTime();
			process.destroyForcibly();
			while (running(pid) && System.nanoTime() - kill < TimeUnit.SECONDS.toNanos(10)) {
				LockSupport.parkNanos(200_000);
			}
			trial.goneMillis = (System.nanoTime() - kill) / 1e6;
			first = writer.firstOkSentAfter(kill, Duration.ofSeconds(60));
			sleep(200);
		}
		finally {
			writer.stop();
		}
		List<Done> attempts = writer.attempts();
		trial.attempts = attempts.size();
		long killed = kill;
		attempts.stream()
			.filter((a) -> a.error() == null && a.end() < killed)
			.mapToLong(Done::end)
			.max()
			.ifPresent((end) -> trial.lastAckBeforeMillis = (killed - end) / 1e6);
		if (first == null) {
			trial.note = "no sign-up through " + survivor + " sent after the kill was acknowledged within 60 s";
		}
		else {
			trial.ackMillis = (first.end() - kill) / 1e6;
			trial.sentAfterMillis = (first.start() - kill) / 1e6;
			trial.ownMillis = (first.end() - first.start()) / 1e6;
			attempts.stream()
				.filter((a) -> a.error() != null && a.end() >= killed && a.end() <= first.end())
				.forEach((a) -> trial.failures.merge(a.error(), 1, Integer::sum));
			// Sign-ups already in flight at the kill that were acknowledged after it.
			trial.inFlightAcked = attempts.stream()
				.filter((a) -> a.error() == null && a.start() < killed && a.end() >= killed)
				.count();
		}
		trial.newLeader = leaderOrNull(script);
		trial.termAfter = term(site, target);

		// Back to three before the next trial: the killed node starts on its own data.
		long t = System.nanoTime();
		String started = script.run("start", leader);
		trial.restartCallSeconds = (System.nanoTime() - t) / 1e9;
		Start start = serves(started).get(leader);
		trial.restartServesSeconds = (start != null) ? start.seconds() : Double.NaN;
		awaitWritable(site, urls, Duration.ofSeconds(180));
		sleep(this.options.settle.toMillis());
		return trial;
	}

	/**
	 * Whether the process still runs. A killed JVM stays a zombie until whoever adopted
	 * it reaps it (here over a second later), but by then it has exited and its sockets
	 * are closed, so a zombie counts as gone.
	 */
	private static boolean running(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			char state = stat.charAt(stat.lastIndexOf(')') + 2);
			return state != 'Z' && state != 'X';
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private String leader(ClusterScript script, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			try {
				return script.run("leader").trim();
			}
			catch (ClusterScript.ClusterScriptException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				sleep(200);
			}
		}
	}

	private String leaderOrNull(ClusterScript script) {
		try {
			return leader(script, Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Long term(SiteClient site, URI node) {
		JsonNode status = site.get(node, "/api/node", Duration.ofSeconds(2));
		JsonNode term = (status != null) ? status.path("consensus").path("term") : null;
		return (term != null && term.isNumber()) ? term.asLong() : null;
	}

	/**
	 * Sign-ups through one node at a fixed pace whatever the earlier ones are doing, so a
	 * sign-up stuck until the election ends does not hide the moment the survivor can
	 * write again. Each costs the survivor a BCrypt, hence a slower pace than a bare Raft
	 * probe would take.
	 */
	private static final class Writer {

		private static final int MAX_IN_FLIGHT = 16;

		private final SiteClient site;

		private final URI target;

		private final Names names;

		private final Duration interval;

		private final ConcurrentLinkedQueue<Done> attempts = new ConcurrentLinkedQueue<>();

		private final AtomicInteger inFlight = new AtomicInteger();

		private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((r) -> {
			Thread thread = new Thread(r, "bench-failover-ticker");
			thread.setDaemon(true);
			return thread;
		});

		private final ExecutorService pool = Executors.newCachedThreadPool((r) -> {
			Thread thread = new Thread(r, "bench-failover-writer");
			thread.setDaemon(true);
			return thread;
		});

		Writer(SiteClient site, URI target, Names names, Duration interval) {
			this.site = site;
			this.target = target;
			this.names = names;
			this.interval = interval;
		}

		void start() {
			this.ticker.scheduleAtFixedRate(() -> {
				if (this.inFlight.get() >= MAX_IN_FLIGHT) {
					return;
				}
				this.inFlight.incrementAndGet();
				this.pool.execute(() -> {
					try {
						String name = this.names.next();
						long start = System.nanoTime();
						Answer answer = this.site.claim(this.target, name, name, PASSWORD);
						this.attempts.add(new Done(start, System.nanoTime(), error(answer)));
					}
					finally {
						this.inFlight.decrementAndGet();
					}
				});
			}, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
		}

		/** The first acknowledged sign-up sent at or after {@code instant}, or null. */
		Done firstOkSentAfter(long instant, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				Done first = this.attempts.stream()
					.filter((a) -> a.error() == null && a.start() >= instant)
					.min(Comparator.comparingLong(Done::end))
					.orElse(null);
				if (first != null) {
					return first;
				}
				sleep(5);
			}
			return null;
		}

		void stop() {
			this.ticker.shutdownNow();
			this.pool.shutdown();
			try {
				this.pool.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		List<Done> attempts() {
			return new ArrayList<>(this.attempts);
		}

	}

	// ---------------------------------------------------------------- the cluster

	/** Until each node answers and is writable (ON: and knows its Raft role). */
	private static void awaitWritable(SiteClient site, Map<String, URI> urls, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> waiting = new ArrayList<>(NODES);
		while (true) {
			waiting.removeIf((node) -> writable(site.get(urls.get(node), "/api/node", Duration.ofSeconds(2))));
			if (waiting.isEmpty()) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("not writable after " + timeout.toSeconds() + " s: " + waiting);
			}
			sleep(250);
		}
	}

	private static boolean writable(JsonNode status) {
		if (status == null) {
			return false;
		}
		JsonNode consensus = status.path("consensus");
		if (!consensus.path("writable").asBoolean(false)) {
			return false;
		}
		String role = consensus.path("role").asString("");
		return "OFF".equals(consensus.path("mode").asString()) || role.equalsIgnoreCase("leader")
				|| role.equalsIgnoreCase("follower");
	}

	/** Each part's "serves ... N.N s after its start, M MB resident" line. */
	private static Map<String, Start> serves(String output) {
		Map<String, Start> starts = new LinkedHashMap<>();
		Matcher matcher = SERVES.matcher(output);
		while (matcher.find()) {
			double rss = matcher.group(4).matches("\\d+") ? Double.parseDouble(matcher.group(4)) : Double.NaN;
			starts.put(matcher.group(1), new Start(Double.parseDouble(matcher.group(3)), rss));
		}
		return starts;
	}

	private static Map<String, Long> pids(Path data) throws IOException {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (String part : PARTS) {
			Path file = data.resolve("pids").resolve(part + ".pid");
			if (Files.exists(file)) {
				pids.put(part, Long.parseLong(Files.readString(file).trim()));
			}
		}
		return pids;
	}

	/** VmRSS from /proc, in MB; NaN for a process that is gone. */
	private static double rssMb(Long pid) {
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

	/**
	 * The front door binds the base port and the Raft members a thousand above the nodes;
	 * with network namespaces the nodes take 10.77.(base % 250).0/24, which must not be a
	 * subnet another cluster's bridge already has (8580 would share the demo's 8080 one).
	 */
	private static void requireFree(int base) {
		for (int port : new int[] { base, base + 1, base + 2, base + 3, base + 1001, base + 1002, base + 1003 }) {
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				socket.setReuseAddress(true);
			}
			catch (IOException ex) {
				throw new IllegalStateException("port " + port + " is taken: choose another --base-port", ex);
			}
		}
		String subnet = "10.77." + (base % 250) + ".";
		String bridge = "phb" + base;
		try {
			for (NetworkInterface net : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				for (InterfaceAddress address : net.getInterfaceAddresses()) {
					if (address.getAddress() instanceof Inet4Address
							&& address.getAddress().getHostAddress().startsWith(subnet)
							&& !net.getName().equals(bridge)) {
						throw new IllegalStateException(net.getName() + " already has " + subnet
								+ "0/24, the subnet cluster.sh gives base port " + base
								+ ": choose another --base-port");
					}
				}
			}
		}
		catch (SocketException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** WARN and ERROR lines of each part's log, counted by level and logger. */
	private static Map<String, Map<String, Integer>> logProblems(Path logs) {
		Map<String, Map<String, Integer>> problems = new LinkedHashMap<>();
		for (String part : PARTS) {
			Path file = logs.resolve(part + ".log");
			if (!Files.exists(file)) {
				continue;
			}
			Map<String, Integer> counts = new TreeMap<>();
			try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
				lines.map(LOG_PROBLEM::matcher)
					.filter(Matcher::find)
					.forEach((m) -> counts.merge(m.group(1) + " " + m.group(2), 1, Integer::sum));
			}
			catch (IOException | UncheckedIOException ex) {
				counts.put("(log unreadable: " + ex.getMessage() + ")", 1);
			}
			problems.put(part, counts);
		}
		return problems;
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	// ---------------------------------------------------------------- report

	private String report(Hashing hashing, Map<String, ModeResult> results, Duration took) {
		ModeResult off = results.getOrDefault("off", new ModeResult("off"));
		ModeResult on = results.getOrDefault("on", new ModeResult("on"));
		Path jar = Path.of("target", "paxoshub.jar");
		StringBuilder md = new StringBuilder();
		md.append("# paxoshub process benchmark\n\n");
		md.append("- date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append('\n');
		md.append("- machine: ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" CPUs (nproc), ")
			.append(Cpu.model())
			.append(", ")
			.append(System.getProperty("os.name"))
			.append(' ')
			.append(System.getProperty("os.version"))
			.append("; java ")
			.append(System.getProperty("java.runtime.version"))
			.append('\n');
		md.append("- run: ")
			.append(this.options.quick ? "--quick" : "full")
			.append(", took ")
			.append(took.toSeconds())
			.append(" s; ")
			.append(this.options)
			.append('\n');
		md.append("- each part its own JVM, started by `scripts/cluster.sh start -- --paxoshub.consensus=<mode>` from ")
			.append(jar)
			.append(" (built ")
			.append(modified(jar))
			.append("), base port ")
			.append(this.options.basePort)
			.append(", partitions by ")
			.append(nvl(on.partitions != null ? on.partitions : off.partitions))
			.append(", node JVM options ")
			.append(blank(System.getenv("PAXOSHUB_JAVA_OPTS")) ? "none beyond cluster.sh's (full tiered JIT)"
					: "PAXOSHUB_JAVA_OPTS=" + System.getenv("PAXOSHUB_JAVA_OPTS"))
			.append("; a fresh data directory and cluster for each mode\n");
		md.append("- the benchmark's clients (this JVM) share the same CPUs with the four processes and with whatever "
				+ "else the machine runs: see CPU by phase in the details\n\n");

		md.append("## Sign-up end to end through the front door\n\n");
		md.append("`POST /api/accounts` {username, email, password} to the front door, which forwards it to a node; "
				+ "the node hashes the password (BCrypt) and claims the name (OFF: its own database, replicated to "
				+ "its peers afterwards; ON: a Raft commit). Closed loop: each client sends its next sign-up when the "
				+ "last one is answered, every username new. After at least ")
			.append(secs(this.options.warmup))
			.append(" s and ")
			.append(this.options.warmupSignups)
			.append(" sign-ups of warm-up at 16 clients, each level runs ")
			.append(secs(this.options.ramp))
			.append(" s unmeasured, then at least ")
			.append(secs(this.options.levelTime))
			.append(" s and ")
			.append(this.options.minSignups)
			.append(" acknowledged sign-ups (at most ")
			.append(secs(this.options.levelCap))
			.append(" s). Latency: request sent to 201 received.\n\n");
		md.append(
				"| clients | OFF p50 (ms) | OFF p99 (ms) | OFF sign-ups/s | ON p50 (ms) | ON p99 (ms) | ON sign-ups/s "
						+ "| ON/OFF p50 | samples OFF / ON | errors OFF / ON |\n");
		md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (int clients : this.options.clients) {
			Level o = off.levels.get(clients);
			Level n = on.levels.get(clients);
			double oP50 = (o != null) ? o.latency.percentileMs(50) : Double.NaN;
			double nP50 = (n != null) ? n.latency.percentileMs(50) : Double.NaN;
			md.append("| ")
				.append(clients)
				.append(" | ")
				.append(ms(oP50))
				.append(" | ")
				.append(ms((o != null) ? o.latency.percentileMs(99) : Double.NaN))
				.append(" | ")
				.append(rate(o))
				.append(" | ")
				.append(ms(nP50))
				.append(" | ")
				.append(ms((n != null) ? n.latency.percentileMs(99) : Double.NaN))
				.append(" | ")
				.append(rate(n))
				.append(" | ")
				.append(ratio(nP50, oP50))
				.append(" | ")
				.append((o != null) ? o.latency.count() : "n/a")
				.append(" / ")
				.append((n != null) ? n.latency.count() : "n/a")
				.append(" | ")
				.append((o != null) ? o.errorCount() : "n/a")
				.append(" / ")
				.append((n != null) ? n.errorCount() : "n/a")
				.append(" |\n");
		}
		md.append('\n');

		double hash = hashing.times.percentileMs(50);
		double oneOff = p50(off, 1);
		double oneOn = p50(on, 1);
		md.append("## Password hashing on its own\n\n");
		md.append("One `BCryptPasswordEncoder().encode` (Spring Security's default, what `BcryptPasswords` and so "
				+ "every sign-up does: ")
			.append(hashing.prefix)
			.append(", strength ")
			.append(hashing.strength)
			.append(") timed ")
			.append(hashing.times.count())
			.append(" times in the benchmark JVM before any cluster ran (")
			.append(hashing.cpu)
			.append("): median ")
			.append(ms(hash))
			.append(" ms, min ")
			.append(ms(hashing.times.percentileMs(0)))
			.append(", p90 ")
			.append(ms(hashing.times.percentileMs(90)))
			.append(". The node hashes before it claims, so at 1 client the rest of the p50 is HTTP, the front "
					+ "door's hop, validation, the store and OFF's replication or ON's Raft commit.\n\n");
		md.append("| at 1 client | OFF | ON |\n|---|---:|---:|\n");
		md.append("| sign-up p50 through the front door (ms) | ")
			.append(ms(oneOff))
			.append(" | ")
			.append(ms(oneOn))
			.append(" |\n");
		md.append("| one BCrypt encode, median (ms) | ").append(ms(hash)).append(" | ").append(ms(hash)).append(" |\n");
		md.append("| sign-up p50 minus hashing (ms) | ")
			.append(ms(oneOff - hash))
			.append(" | ")
			.append(ms(oneOn - hash))
			.append(" |\n");
		md.append("| hashing's share of the sign-up p50 | ")
			.append(percent(hash / oneOff))
			.append(" | ")
			.append(percent(hash / oneOn))
			.append(" |\n");
		md.append("| cost of consensus: ON p50 − OFF p50 (ms) | | ").append(ms(oneOn - oneOff)).append(" |\n\n");

		md.append("## Leader failover after kill -9 (consensus ON)\n\n");
		md.append("Each trial: the leader is asked of `scripts/cluster.sh leader`; a writer sends a sign-up "
				+ "directly to a survivor node (its URL from `cluster.sh urls`, not through the front door) every ")
			.append(this.options.probeInterval.toMillis())
			.append(" ms whatever the earlier ones are doing (at most ")
			.append(Writer.MAX_IN_FLIGHT)
			.append(" in flight); after 1 s of that the benchmark sends SIGKILL to the leader's JVM itself "
					+ "(`ProcessHandle.of(pid).destroyForcibly()`, pid from `$PAXOSHUB_DATA_DIR/pids/<node>.pid`), "
					+ "taking the time just before the call, so no script start-up is in the figure. **Measured: "
					+ "from that SIGKILL to the 201 of the first sign-up through the survivor that was sent after "
					+ "it**, so it includes that sign-up's own BCrypt and round trip and up to one writer interval "
					+ "before it was sent. Then `cluster.sh start <leader>` brings the node back, and the next trial "
					+ "waits until all three are writable and ")
			.append(secs(this.options.settle))
			.append(" s more.\n\n");
		md.append("| trial | leader killed | writes through | kill → first ack (ms) | that sign-up sent after the "
				+ "kill (ms) | its own latency (ms) | last ack before the kill (ms before) | failed sign-ups in "
				+ "between | process gone after (ms) | new leader | term | killed node serves again after (s) |\n");
		md.append("|---:|---|---|---:|---:|---:|---:|---|---:|---|---|---:|\n");
		for (Trial t : on.trials) {
			md.append("| ")
				.append(t.number)
				.append(" | ")
				.append(t.leader)
				.append(" | ")
				.append(t.survivor)
				.append(" | ")
				.append(ms(t.ackMillis))
				.append(" | ")
				.append(ms(t.sentAfterMillis))
				.append(" | ")
				.append(ms(t.ownMillis))
				.append(" | ")
				.append(ms(t.lastAckBeforeMillis))
				.append(" | ")
				.append(t.failures.isEmpty() ? "none" : t.failures.toString())
				.append(" | ")
				.append(ms(t.goneMillis))
				.append(" | ")
				.append(nvl(t.newLeader))
				.append(" | ")
				.append(t.termBefore)
				.append(" → ")
				.append(t.termAfter)
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.1f", t.restartServesSeconds))
				.append(" |\n");
		}
		double[] acks = on.trials.stream()
			.mapToDouble((t) -> Double.isNaN(t.ackMillis) ? Double.POSITIVE_INFINITY : t.ackMillis)
			.sorted()
			.toArray();
		double median = median(acks);
		md.append('\n')
			.append("| kill → first ack | measured | target | verdict |\n|---|---:|---:|---|\n")
			.append("| median / min / max over ")
			.append(acks.length)
			.append(" trials | ")
			.append(acks.length == 0 ? "n/a"
					: ms(median) + " / " + ms(acks[0]) + " / " + ms(acks[acks.length - 1]) + " ms")
			.append(" | ≤ 500 ms | ")
			.append(acks.length == 0 ? "n/a" : (median <= 500) ? "**PASS**" : "**MISS**")
			.append(" |\n\n");

		md.append("## Start-up time and memory of each process\n\n");
		md.append("`cluster.sh start` launches all four at once and prints, for each part, when it serves (a node: "
				+ "it answers and is writable; the front door: it answers) and its RSS then. RSS after the load is "
				+ "VmRSS from `/proc/<pid>/status` after the last sign-up level (before the failover trials).\n\n");
		md.append(
				"| part | OFF serves after (s) | OFF RSS at start (MB) | OFF RSS after load (MB) | ON serves after (s) "
						+ "| ON RSS at start (MB) | ON RSS after load (MB) |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (String part : PARTS) {
			md.append("| ").append(part);
			for (ModeResult r : List.of(off, on)) {
				Start start = r.starts.get(part);
				md.append(" | ")
					.append((start != null) ? String.format(Locale.ROOT, "%.1f", start.seconds()) : "n/a")
					.append(" | ")
					.append(mb((start != null) ? start.rssMb() : Double.NaN))
					.append(" | ")
					.append(mb(r.rssAfterLoad.getOrDefault(part, Double.NaN)));
			}
			md.append(" |\n");
		}
		md.append("| all four | ")
			.append(String.format(Locale.ROOT, "%.1f", off.startSeconds))
			.append(" (the whole start call) | ")
			.append(mb(off.starts.values().stream().mapToDouble(Start::rssMb).sum()))
			.append(" | ")
			.append(mb(off.rssAfterLoad.values().stream().mapToDouble(Double::doubleValue).sum()))
			.append(" | ")
			.append(String.format(Locale.ROOT, "%.1f", on.startSeconds))
			.append(" (the whole start call) | ")
			.append(mb(on.starts.values().stream().mapToDouble(Start::rssMb).sum()))
			.append(" | ")
			.append(mb(on.rssAfterLoad.values().stream().mapToDouble(Double::doubleValue).sum()))
			.append(" |\n\n");

		md.append("## Details\n\n");
		for (ModeResult r : results.values()) {
			md.append("### ").append(r.mode.toUpperCase(Locale.ROOT)).append("\n\n");
			md.append("- pids: ").append(r.pids).append('\n');
			md.append("- CPU by phase (share of all ")
				.append(Runtime.getRuntime().availableProcessors())
				.append(" CPUs; \"ours\" is the four parts and this JVM): ")
				.append(r.cpu)
				.append('\n');
			r.levels.values().forEach((level) -> md.append("- ").append(level.summary()).append('\n'));
			for (Trial t : r.trials) {
				md.append("- failover trial ").append(t).append('\n');
			}
			r.logProblems.forEach((part, counts) -> md.append("- ")
				.append(part)
				.append("'s log, WARN/ERROR lines by logger: ")
				.append(counts.isEmpty() ? "none" : top(counts, 8))
				.append('\n'));
			for (String note : r.notes) {
				md.append("- NOTE: ").append(note).append('\n');
			}
			md.append('\n');
		}
		md.append("## Progress log\n\n```\n");
		this.log.forEach((line) -> md.append(line).append('\n'));
		md.append("```\n");
		return md.toString();
	}

	private static double p50(ModeResult result, int clients) {
		Level level = result.levels.get(clients);
		return (level != null) ? level.latency.percentileMs(50) : Double.NaN;
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		if (n == 0) {
			return Double.NaN;
		}
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static String top(Map<String, Integer> counts, int limit) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.map((e) -> e.getValue() + "× " + e.getKey())
			.collect(Collectors.joining(", "));
	}

	private static String rate(Level level) {
		return (level == null || level.seconds <= 0) ? "n/a"
				: String.format(Locale.ROOT, "%.1f", level.latency.count() / level.seconds);
	}

	private static String ratio(double on, double off) {
		return (Double.isNaN(on) || Double.isNaN(off) || off == 0) ? "n/a"
				: String.format(Locale.ROOT, "%.2f×", on / off);
	}

	static String ms(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "n/a";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String mb(double value) {
		return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
	}

	private static String percent(double share) {
		return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", share * 100);
	}

	private static String secs(Duration duration) {
		return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0).replace(".0", "");
	}

	private static String modified(Path file) {
		try {
			return Instant.ofEpochMilli(Files.getLastModifiedTime(file).toMillis()).toString();
		}
		catch (IOException ex) {
			return "?";
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String nvl(String s) {
		return (s == null) ? "n/a" : s;
	}

	private void say(String line) {
		String stamped = String.format(Locale.ROOT, "%tT [load %.1f] %s", System.currentTimeMillis(), Cpu.loadAverage(),
				line);
		synchronized (this.log) {
			this.log.add(stamped);
		}
		System.out.println("[process-bench] " + stamped);
		System.out.flush();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleepUntil(long nanoTime) {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			sleep(TimeUnit.NANOSECONDS.toMillis(left) + 1);
		}
	}

	// ---------------------------------------------------------------- data

	/** New usernames for the whole run: a mode, a run tag and a counter (≤ 39 chars). */
	private static final class Names {

		private final String prefix;

		private final AtomicLong next = new AtomicLong();

		Names(String mode) {
			this.prefix = "pb" + mode + "-" + Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36) + "-";
		}

		String next() {
			return this.prefix + this.next.incrementAndGet();
		}

		long used() {
			return this.next.get();
		}

	}

	/** One sign-up: when it was sent, when it was answered, and null or what failed. */
	private record Done(long start, long end, String error) {
	}

	private record Start(double seconds, double rssMb) {
	}

	private record Hashing(String prefix, int strength, Latencies times, String cpu) {
	}

	/** Latencies in nanoseconds, nearest-rank percentiles in milliseconds. */
	private static final class Latencies {

		private long[] nanos = new long[256];

		private int count;

		void add(long elapsed) {
			if (this.count == this.nanos.length) {
				this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
			}
			this.nanos[this.count++] = elapsed;
		}

		int count() {
			return this.count;
		}

		double percentileMs(double p) {
			if (this.count == 0) {
				return Double.NaN;
			}
			long[] sorted = Arrays.copyOf(this.nanos, this.count);
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(p / 100.0 * this.count);
			return sorted[Math.max(0, Math.min(this.count - 1, rank - 1))] / 1e6;
		}

		double meanMs() {
			return (this.count == 0) ? Double.NaN : Arrays.stream(this.nanos, 0, this.count).sum() / 1e6 / this.count;
		}

	}

	private static final class Level {

		final int clients;

		final double seconds;

		final Latencies latency = new Latencies();

		final Map<String, Integer> errors = new TreeMap<>();

		Level(int clients, double seconds) {
			this.clients = clients;
			this.seconds = seconds;
		}

		int errorCount() {
			return this.errors.values().stream().mapToInt(Integer::intValue).sum();
		}

		String summary() {
			return String.format(Locale.ROOT,
					"%d client%s: %d sign-ups in %.1f s = %s/s; p50 %s, p90 %s, p99 %s, max %s, mean %s ms; %d errors%s",
					this.clients, (this.clients == 1) ? "" : "s", this.latency.count(), this.seconds, rate(this),
					ms(this.latency.percentileMs(50)), ms(this.latency.percentileMs(90)),
					ms(this.latency.percentileMs(99)), ms(this.latency.percentileMs(100)), ms(this.latency.meanMs()),
					errorCount(), this.errors.isEmpty() ? "" : " " + this.errors);
		}

	}

	private static final class Trial {

		final int number;

		String leader;

		String survivor;

		boolean leaderMoved;

		double ackMillis = Double.NaN;

		double sentAfterMillis = Double.NaN;

		double ownMillis = Double.NaN;

		double lastAckBeforeMillis = Double.NaN;

		double goneMillis = Double.NaN;

		long inFlightAcked;

		int attempts;

		final Map<String, Integer> failures = new TreeMap<>();

		String newLeader;

		Long termBefore;

		Long termAfter;

		double restartCallSeconds = Double.NaN;

		double restartServesSeconds = Double.NaN;

		String note;

		Trial(int number) {
			this.number = number;
		}

		@Override
		public String toString() {
			if (this.leaderMoved) {
				return this.number + ": the leader " + this.leader + " moved before the kill; not counted";
			}
			return String.format(Locale.ROOT,
					"%d: killed %s, writing through %s: first ack of a sign-up sent after the kill %s ms after it "
							+ "(sent %s ms after, took %s ms); last ack before the kill %s ms before it; %d sign-ups "
							+ "in flight at the kill acknowledged after it; failed in between %s; process gone after "
							+ "%s ms; %d sign-ups tried; new leader %s, term %s → %s; cluster.sh start %s took %.1f s, "
							+ "serves after %.1f s%s",
					this.number, this.leader, this.survivor, ms(this.ackMillis), ms(this.sentAfterMillis),
					ms(this.ownMillis), ms(this.lastAckBeforeMillis), this.inFlightAcked, this.failures,
					ms(this.goneMillis), this.attempts, nvl(this.newLeader), this.termBefore, this.termAfter,
					this.leader, this.restartCallSeconds, this.restartServesSeconds,
					(this.note != null) ? "; " + this.note : "");
		}

	}

	private static final class ModeResult {

		final String mode;

		String partitions;

		Path pidFiles;

		double startSeconds = Double.NaN;

		final Map<String, Start> starts = new LinkedHashMap<>();

		final Map<String, Long> pids = new LinkedHashMap<>();

		final Map<Integer, Level> levels = new LinkedHashMap<>();

		final Map<String, Double> rssAfterLoad = new LinkedHashMap<>();

		final List<Trial> trials = new ArrayList<>();

		final Map<String, String> cpu = new LinkedHashMap<>();

		final Map<String, Map<String, Integer>> logProblems = new LinkedHashMap<>();

		final List<String> notes = new ArrayList<>();

		ModeResult(String mode) {
			this.mode = mode;
		}

	}

	/**
	 * CPU time from /proc, to tell the benchmark's own load from the machine's: the
	 * machine's busy and total jiffies, and those of this JVM and of each process of the
	 * cluster by pid.
	 */
	private static final class Cpu {

		private final long busy;

		private final long total;

		private final Map<Long, Long> ours;

		private Cpu(long busy, long total, Map<Long, Long> ours) {
			this.busy = busy;
			this.total = total;
			this.ours = ours;
		}

		/**
		 * @param pidFiles the cluster's pid directory, or null for this JVM alone
		 */
		static Cpu read(Path pidFiles) {
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
				return new Cpu(total - idle, total, ours);
			}
			catch (IOException | RuntimeException ex) {
				return new Cpu(0, 0, Map.of());
			}
		}

		/** utime + stime of one process; 0 once it is gone. */
		private static long used(long pid) {
			try {
				String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
				String[] fields = text.substring(text.lastIndexOf(')') + 2).split("\\s+");
				return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException | RuntimeException ex) {
				return 0;
			}
		}

		/**
		 * From this reading to a later one. A process killed in between counts up to its
		 * last reading here; one started in between counts from its start.
		 */
		String share(Cpu after) {
			double total = after.total - this.total;
			if (total < 50) {
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

		static double loadAverage() {
			try {
				return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
			}
			catch (IOException | RuntimeException ex) {
				return Double.NaN;
			}
		}

		static String model() {
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

	/** Command-line options; --quick shortens everything. */
	static final class Options {

		static final String USAGE = """
				usage: ProcessBenchmark [--quick] [--mode=both|on|off] [--clients=1,16,64]
				                        [--seconds=S] [--min-signups=N] [--level-cap-seconds=S]
				                        [--ramp-seconds=S] [--warmup-seconds=S] [--warmup-signups=N]
				                        [--hash-samples=N]
				                        [--trials=N] [--probe-interval-ms=N] [--settle-seconds=S]
				                        [--base-port=8590] [--data-dir=target/bench/processes]
				                        [--out=target/bench/processes.md]
				  each level runs --seconds and until --min-signups sign-ups were acknowledged, at most
				  --level-cap-seconds; --trials kill -9 failover trials (ON); the cluster takes the base
				  port and the three above it, Raft a thousand above those (8580 would share the
				  demo's 8080 namespace subnet: cluster.sh gives 10.77.(port % 250).0/24)
				""";

		boolean help;

		boolean quick;

		List<String> modes = List.of("off", "on");

		int[] clients = { 1, 16, 64 };

		Duration levelTime = Duration.ofSeconds(12);

		int minSignups = 200;

		Duration levelCap = Duration.ofSeconds(60);

		Duration ramp = Duration.ofSeconds(2);

		Duration warmup = Duration.ofSeconds(10);

		int warmupSignups = 300;

		int hashSamples = 30;

		int trials = 5;

		Duration probeInterval = Duration.ofMillis(100);

		Duration settle = Duration.ofSeconds(3);

		int basePort = 8590;

		Path dataRoot = Path.of("target", "bench", "processes");

		Path out = Path.of("target", "bench", "processes.md");

		static Options parse(String[] args) {
			Options o = new Options();
			if (Arrays.asList(args).contains("--quick")) {
				o.quick = true;
				o.levelTime = Duration.ofSeconds(4);
				o.minSignups = 40;
				o.levelCap = Duration.ofSeconds(20);
				o.ramp = Duration.ofSeconds(1);
				o.warmup = Duration.ofSeconds(4);
				o.warmupSignups = 100;
				o.hashSamples = 10;
				o.trials = 2;
				o.settle = Duration.ofSeconds(1);
			}
			for (String arg : args) {
				String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
				String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
				switch (name) {
					case "--quick" -> {
					}
					case "--help", "-h" -> o.help = true;
					case "--mode" -> o.modes = switch (value.toLowerCase(Locale.ROOT)) {
						case "on" -> List.of("on");
						case "off" -> List.of("off");
						case "both" -> List.of("off", "on");
						default -> throw new IllegalArgumentException("--mode is both, on or off: " + value);
					};
					case "--clients" ->
						o.clients = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
					case "--seconds" -> o.levelTime = seconds(value);
					case "--min-signups" -> o.minSignups = Integer.parseInt(value);
					case "--level-cap-seconds" -> o.levelCap = seconds(value);
					case "--ramp-seconds" -> o.ramp = seconds(value);
					case "--warmup-seconds" -> o.warmup = seconds(value);
					case "--warmup-signups" -> o.warmupSignups = Integer.parseInt(value);
					case "--hash-samples" -> o.hashSamples = Integer.parseInt(value);
					case "--trials" -> o.trials = Integer.parseInt(value);
					case "--probe-interval-ms" -> o.probeInterval = Duration.ofMillis(Long.parseLong(value));
					case "--settle-seconds" -> o.settle = seconds(value);
					case "--base-port" -> o.basePort = Integer.parseInt(value);
					case "--data-dir" -> o.dataRoot = Path.of(value);
					case "--out" -> o.out = Path.of(value);
					default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
				}
			}
			return o;
		}

		private static Duration seconds(String value) {
			return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
		}

		@Override
		public String toString() {
			return "modes " + this.modes + ", clients " + Arrays.toString(this.clients) + ", each level "
					+ secs(this.ramp) + " s ramp + ≥ " + secs(this.levelTime) + " s and ≥ " + this.minSignups
					+ " sign-ups (cap " + secs(this.levelCap) + " s), warm-up ≥ " + secs(this.warmup) + " s and ≥ "
					+ this.warmupSignups + " sign-ups at 16 clients, " + this.hashSamples + " BCrypt samples, "
					+ this.trials + " kill -9 trials (writer every " + this.probeInterval.toMillis()
					+ " ms), base port " + this.basePort;
		}

	}

}
