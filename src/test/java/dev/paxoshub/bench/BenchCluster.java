package dev.paxoshub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.RaftRole;
import dev.paxoshub.consensus.raft.RaftMember;
import dev.paxoshub.consensus.raft.RaftSettings;
import dev.paxoshub.demo.ApiClient;
import dev.paxoshub.demo.DemoCluster;
import dev.paxoshub.demo.RunningCluster;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.store.Account;
import dev.paxoshub.support.TestLayout;
import io.atomix.core.Atomix;
import io.atomix.core.map.AsyncAtomicMap;
import io.atomix.utils.Managed;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One three-node demo cluster (plus front door) in this JVM, in a fresh temporary folder,
 * for one consensus mode; and the ways the benchmark looks into it: each node's
 * {@link Consensus} bean, its consensus status over HTTP and in the JVM, and who leads
 * the Raft data partition.
 */
final class BenchCluster implements AutoCloseable {

	static final List<String> NODES = TestLayout.NODES;

	/**
	 * BCrypt at Spring's default strength, computed once: claims through the bean skip
	 * hashing.
	 */
	static final String PASSWORD_HASH = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
		.encode("correct-horse");

	final ConsensusMode mode;

	final Path dataDir;

	final DemoCluster cluster;

	final ApiClient api = new ApiClient();

	final Duration startTook;

	private final AtomicLong names = new AtomicLong();

	private final boolean h2TraceOff;

	private BenchCluster(ConsensusMode mode, Path dataDir, DemoCluster cluster, Duration startTook,
			boolean h2TraceOff) {
		this.mode = mode;
		this.dataDir = dataDir;
		this.cluster = cluster;
		this.startTook = startTook;
		this.h2TraceOff = h2TraceOff;
		BenchCluster.NODES.forEach(this::prepare);
	}

	/** Starts a stopped node again, prepared as at the start. */
	void startNode(String node) {
		this.cluster.startNode(node);
		prepare(node);
	}

	/**
	 * With {@code h2TraceOff}, turns off H2's trace file on the node's database (SET
	 * TRACE_LEVEL_FILE 0, not persistent, so again after every start). H2 otherwise
	 * writes a stack trace to {@code paxoshub.trace.db} for every failed
	 * {@code ResultSet.findColumn}, which Spring's SimplePropertyRowMapper provokes five
	 * times per row of {@code AccountStore.records()}.
	 */
	private void prepare(String node) {
		if (!this.h2TraceOff) {
			return;
		}
		try (java.sql.Connection connection = this.cluster.node(node)
			.getBean(javax.sql.DataSource.class)
			.getConnection(); java.sql.Statement statement = connection.createStatement()) {
			statement.execute("SET TRACE_LEVEL_FILE 0");
		}
		catch (java.sql.SQLException | RuntimeException ex) {
			throw new IllegalStateException("could not turn H2 tracing off on " + node + ": " + ex, ex);
		}
	}

	/**
	 * Total size of the H2 trace files ({@code *.trace.db*}) under the data folder, in
	 * bytes.
	 */
	long h2TraceBytes() {
		try (Stream<Path> paths = Files.walk(this.dataDir)) {
			return paths.filter((p) -> p.getFileName().toString().contains(".trace.db")).mapToLong((p) -> {
				try {
					return Files.size(p);
				}
				catch (IOException ex) {
					return 0;
				}
			}).sum();
		}
		catch (IOException | UncheckedIOException ex) {
			return -1;
		}
	}

	static BenchCluster start(ConsensusMode mode, List<String> extraArgs, boolean h2TraceOff) {
		Path dir;
		try {
			dir = Files.createTempDirectory("paxoshub-bench-" + mode.name().toLowerCase(Locale.ROOT) + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> args = new ArrayList<>((mode == ConsensusMode.ON) ? List.of("--paxoshub.consensus=on")
				: List.of("--paxoshub.consensus=off", "--paxoshub.raft.enabled=false"));
		args.addAll(extraArgs);
		long started = System.nanoTime();
		DemoCluster cluster;
		try {
			cluster = RunningCluster.start(dir, args.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			deleteQuietly(dir);
			throw ex;
		}
		return new BenchCluster(mode, dir, cluster, Duration.ofNanos(System.nanoTime() - started), h2TraceOff);
	}

	/** A fresh username for this mode: b-on-17, b-off-2041... */
	String nextName() {
		return "b-" + this.mode.name().toLowerCase(Locale.ROOT) + "-" + this.names.incrementAndGet();
	}

	long namesUsed() {
		return this.names.get();
	}

	/**
	 * A new account as the sign-up form would make it on {@code node}, minus the hashing.
	 */
	Account newAccount(String node) {
		String name = nextName();
		return Account.create(name, name + "@example.org", PASSWORD_HASH, node, Instant.now());
	}

	URI url(String node) {
		return RunningCluster.url(this.cluster, node);
	}

	/**
	 * The node's primary {@link Consensus} bean: the one its controllers write through.
	 */
	Consensus consensus(String node) {
		ConfigurableApplicationContext context = this.cluster.node(node);
		if (context == null || !context.isActive()) {
			throw new IllegalStateException(node + " is not running");
		}
		try {
			return context.getBean(Consensus.class);
		}
		catch (NoUniqueBeanDefinitionException ex) {
			// No primary (yet): take the implementation of the mode this cluster runs in.
			return context.getBeansOfType(Consensus.class)
				.values()
				.stream()
				.filter((c) -> c.mode() == this.mode)
				.findFirst()
				.orElseThrow(() -> ex);
		}
	}

	/** The {@code consensus} object of {@code GET /api/node/accounts} on that node. */
	JsonNode consensusOverHttp(String node) {
		ApiClient.Reply reply = this.api.get(url(node), "/api/node/accounts");
		if (reply.status() != 200) {
			throw new IllegalStateException(node + " answered " + reply.status() + " to /api/node/accounts");
		}
		return reply.json().path("consensus");
	}

	/** Waits until every node says over HTTP that it is writable. */
	Duration awaitWritableOverHttp(Duration timeout) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		for (String node : NODES) {
			while (true) {
				String seen;
				try {
					JsonNode status = consensusOverHttp(node);
					if (status.path("writable").asBoolean(false)) {
						break;
					}
					seen = status.toString();
				}
				catch (RuntimeException ex) {
					seen = ex.toString();
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(node + " is not writable after " + timeout + ": " + seen);
				}
				Pause.millis(250);
			}
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/**
	 * Waits until every node is running, says (in the JVM) that it is writable, and has
	 * actually taken one claim: after a restart a member can report a majority before its
	 * session works.
	 */
	Duration awaitHealthy(Duration timeout) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		for (String node : NODES) {
			String last = "not running";
			while (true) {
				try {
					Consensus consensus = consensus(node);
					if (consensus.status().writable()) {
						consensus.register(newAccount(node));
						break;
					}
					last = consensus.status().toString();
				}
				catch (RuntimeException ex) {
					last = ex.toString();
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(node + " did not take a claim within " + timeout + ": " + last);
				}
				Pause.millis(100);
			}
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/**
	 * Whether {@code /api/node/accounts} exposes {@code consensus.role} (checked over
	 * HTTP).
	 */
	boolean roleOverHttp() {
		return NODES.stream().anyMatch((node) -> {
			try {
				return consensusOverHttp(node).has("role");
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
	}

	/**
	 * The node's Raft role as its consensus status reports it (what {@code /api/node}
	 * shows).
	 */
	Optional<String> role(String node) {
		return Optional.ofNullable(consensus(node).status().role()).map(RaftRole::label);
	}

	Optional<String> leaderByRole() {
		List<String> leaders = NODES.stream()
			.filter(this.cluster::isRunning)
			.filter((node) -> role(node).map((r) -> r.equalsIgnoreCase("leader")).orElse(false))
			.toList();
		return (leaders.size() == 1) ? Optional.of(leaders.get(0)) : Optional.empty();
	}

	/**
	 * Who leads the Raft "data" partition according to the Raft servers themselves (the
	 * same probe the nodes use). Empty if no single server says it leads.
	 */
	Optional<String> leaderByAtomix() {
		List<String> leaders = NODES.stream()
			.filter(this.cluster::isRunning)
			.filter((node) -> raftMember(node).serverState().role() == RaftRole.LEADER)
			.toList();
		return (leaders.size() == 1) ? Optional.of(leaders.get(0)) : Optional.empty();
	}

	/** The Raft term in the node's consensus status, or -1 if it has none. */
	long term(String node) {
		Long term = consensus(node).status().term();
		return (term != null) ? term : -1L;
	}

	/**
	 * The node's {@code paxoshub.raft.*} and replication settings, as bound (for the
	 * report).
	 */
	String settings(String node) {
		try {
			ConfigurableApplicationContext context = this.cluster.node(node);
			return context.getBean(RaftSettings.class) + ", " + context.getBean(PaxoshubProperties.class).replication();
		}
		catch (RuntimeException ex) {
			return "unknown (" + ex + ")";
		}
	}

	/**
	 * Crash-like: cuts the node's Atomix messaging (TCP) and unicast (UDP, used by SWIM)
	 * at once, without any Raft or membership goodbye. Its peers see connections drop and
	 * silence, as after kill -9; the node's Spring context and Raft state stay in memory
	 * until {@code stopNode}.
	 */
	List<java.util.concurrent.CompletableFuture<?>> cutRaftNetwork(String node) {
		Atomix atomix = raftMember(node).atomix();
		if (atomix == null) {
			throw new IllegalStateException(node + " has no Atomix member");
		}
		// Netty's graceful event-loop shutdown takes seconds to complete its futures, but
		// the
		// listening socket and the open channels close at once: do not wait here.
		List<java.util.concurrent.CompletableFuture<?>> stops = new ArrayList<>();
		if (atomix.getMessagingService() instanceof Managed<?> messaging) {
			stops.add(messaging.stop());
		}
		if (atomix.getUnicastService() instanceof Managed<?> unicast) {
			stops.add(unicast.stop());
		}
		if (stops.isEmpty()) {
			throw new IllegalStateException("Atomix messaging of " + node + " cannot be stopped");
		}
		return stops;
	}

	/**
	 * The node's replicated accounts map itself, to time a bare Raft putIfAbsent without
	 * the node's own bookkeeping.
	 */
	AsyncAtomicMap<String, String> raftAccounts(String node) {
		return raftMember(node).accounts();
	}

	/** The account as the node would store it in the Raft map. */
	String encode(String node, Account account) {
		return this.cluster.node(node).getBean(dev.paxoshub.consensus.AccountCodec.class).write(account);
	}

	private RaftMember raftMember(String node) {
		return this.cluster.node(node).getBean(RaftMember.class);
	}

	/**
	 * Times {@code claims} sequential claims through each running node; the p50s, fastest
	 * first.
	 */
	Map<String, Double> timeEachNode(int claims) {
		Map<String, Double> p50 = new LinkedHashMap<>();
		for (String node : NODES) {
			if (!this.cluster.isRunning(node)) {
				continue;
			}
			Consensus consensus = consensus(node);
			Samples samples = new Samples();
			for (int i = 0; i < claims; i++) {
				long t = System.nanoTime();
				try {
					consensus.register(newAccount(node));
					samples.add(System.nanoTime() - t);
				}
				catch (RuntimeException ex) {
					// a failed claim tells nothing about speed
				}
			}
			p50.put(node, samples.percentileMs(50));
		}
		Map<String, Double> sorted = new LinkedHashMap<>();
		p50.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
			.forEach((e) -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	@Override
	public void close() {
		try {
			this.cluster.close();
		}
		finally {
			deleteQuietly(this.dataDir);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> {
				try {
					Files.deleteIfExists(p);
				}
				catch (IOException ex) {
					// best effort
				}
			});
		}
		catch (IOException ex) {
			// best effort
		}
	}

}
