package dev.paxoshub.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.paxoshub.frontdoor.FrontDoorApplication;
import dev.paxoshub.home.ClusterSupervisor;
import dev.paxoshub.node.ClusterKey;
import dev.paxoshub.node.NodeApplication;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.util.FileSystemUtils;

/**
 * Morpheus, Neo, Trinity and the front door of one cluster as four Spring applications in
 * one JVM. Each node keeps its own web server, database and beans, exactly as it would in
 * a process of its own, so stopping one here is the same as a server going away.
 */
public class DemoCluster implements ClusterSupervisor, AutoCloseable {

	static final String CLUSTER_KEY = "paxoshub.cluster.key";

	static final String SIGN_IN_KEY = "paxoshub.cluster.sign-in-key";

	static final String ADMIN_PASSWORD = "paxoshub.admin.password";

	private static final String DATA_DIR = "--paxoshub.data-dir=";

	/** Where a node keeps its data when no argument says, as in PaxoshubProperties. */
	private static final String DEFAULT_DATA_DIR = "data";

	private static final Logger log = LoggerFactory.getLogger(DemoCluster.class);

	private final String name;

	private final List<NodeAddress> layout;

	private final List<String> sharedArgs;

	private final int frontDoorPort;

	private final Map<String, ConfigurableApplicationContext> running = new ConcurrentHashMap<>();

	/**
	 * One lock per node, so that nodes start and stop side by side, each one at a time.
	 */
	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	private volatile ConfigurableApplicationContext frontDoor;

	private final Object frontDoorLock = new Object();

	/** One reset at a time; a second one waits for the first. */
	private final Object resetLock = new Object();

	/**
	 * @param name the cluster's name, which also names its site's cookies; null for a
	 * cluster that runs alone
	 * @param layout the nodes, as in {@code paxoshub.cluster.nodes}
	 * @param sharedArgs command-line arguments every application gets (data folder,
	 * mode...)
	 */
	public DemoCluster(String name, List<NodeAddress> layout, List<String> sharedArgs, int frontDoorPort) {
		this.name = name;
		this.layout = List.copyOf(layout);
		this.sharedArgs = withSecrets(sharedArgs);
		this.frontDoorPort = frontDoorPort;
	}

	/** A cluster that runs alone, as the tests start one. */
	public DemoCluster(List<NodeAddress> layout, List<String> sharedArgs, int frontDoorPort) {
		this(null, layout, sharedArgs, frontDoorPort);
	}

	/**
	 * The one-JVM demo makes its own secrets, new on every run and for each cluster, for
	 * whatever the arguments do not give: nothing it runs on is a value anybody else
	 * knows. A made-up operator password is printed once, since somebody has to be able
	 * to use it.
	 */
	private static List<String> withSecrets(List<String> args) {
		List<String> all = new ArrayList<>(args);
		for (String secret : List.of(CLUSTER_KEY, SIGN_IN_KEY, ADMIN_PASSWORD)) {
			if (all.stream().noneMatch((arg) -> arg.startsWith("--" + secret + "="))) {
				String value = ClusterKey.random();
				all.add("--" + secret + "=" + value);
				if (secret.equals(ADMIN_PASSWORD)) {
					log.warn("\n\nUsing generated operator password: {}\n"
							+ "Set paxoshub.admin.password to choose one.\n", value);
				}
			}
		}
		return List.copyOf(all);
	}

	/**
	 * Starts every node and the front door side by side; returns once all of them serve.
	 */
	public DemoCluster start() {
		List<Runnable> parts = new ArrayList<>();
		this.layout.forEach((node) -> parts.add(() -> startNode(node.name())));
		parts.add(this::startFrontDoor);
		inParallel(parts);
		return this;
	}

	/**
	 * Stops the front door and every node side by side, removes each node's data folder,
	 * and starts them all again. The front door's record of acknowledged writes lives in
	 * its memory, so it starts empty too. A folder that cannot be removed fails the reset
	 * only once everything runs again, so that a failed reset leaves no cluster down.
	 */
	@Override
	public void reset() {
		synchronized (this.resetLock) {
			List<String> kept = new CopyOnWriteArrayList<>();
			List<Runnable> parts = new ArrayList<>();
			this.layout.forEach((node) -> parts.add(() -> {
				synchronized (lock(node.name())) {
					stopNode(node.name());
					if (!removeData(node.name())) {
						kept.add(dataOf(node.name()).toString());
					}
				}
			}));
			parts.add(this::stopFrontDoor);
			long started = System.nanoTime();
			inParallel(parts);
			long stopped = System.nanoTime();
			start();
			log.info("Cluster {} stopped and emptied in {} ms, started again in {} ms", this.name,
					(stopped - started) / 1_000_000, (System.nanoTime() - stopped) / 1_000_000);
			if (!kept.isEmpty()) {
				throw new IllegalStateException("Could not remove " + String.join(", ", kept)
						+ "; those nodes were started again with what they had stored.");
			}
		}
	}

	private void inParallel(List<Runnable> parts) {
		ExecutorService workers = Executors.newFixedThreadPool(parts.size());
		try {
			CompletableFuture
				.allOf(parts.stream()
					.map((part) -> CompletableFuture.runAsync(part, workers))
					.toArray(CompletableFuture[]::new))
				.join();
		}
		finally {
			workers.shutdown();
		}
	}

	public ConfigurableApplicationContext startNode(String node) {
		synchronized (lock(node)) {
			ConfigurableApplicationContext context = this.running.get(node);
			if (context != null && context.isActive()) {
				return context;
			}
			List<String> args = new ArrayList<>(this.sharedArgs);
			args.addAll(layoutArgs());
			args.add("--paxoshub.role=node");
			args.add("--paxoshub.node=" + node);
			context = run(NodeApplication.class, args);
			this.running.put(node, context);
			return context;
		}
	}

	/**
	 * Stops a node the way a crash looks from outside: its port closes and it answers
	 * nothing.
	 */
	public void stopNode(String node) {
		synchronized (lock(node)) {
			ConfigurableApplicationContext context = this.running.remove(node);
			if (context != null) {
				context.close();
			}
		}
	}

	public boolean isRunning(String node) {
		ConfigurableApplicationContext context = this.running.get(node);
		return context != null && context.isActive();
	}

	public ConfigurableApplicationContext node(String node) {
		return this.running.get(node);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<NodeAddress> nodes() {
		return this.layout;
	}

	public List<NodeAddress> layout() {
		return this.layout;
	}

	public int frontDoorPort() {
		return this.frontDoorPort;
	}

	@Override
	public URI frontDoor() {
		return URI.create("http://127.0.0.1:" + this.frontDoorPort);
	}

	@Override
	public void kill(String node) {
		stopNode(node);
	}

	@Override
	public void revive(String node) {
		startNode(node);
	}

	/**
	 * With an empty disk the node is stopped if it runs and its data folder removed
	 * before it starts, all under its lock, so that no other start sees half of it.
	 */
	@Override
	public void revive(String node, boolean emptyDisk) {
		if (!emptyDisk) {
			startNode(node);
			return;
		}
		synchronized (lock(node)) {
			stopNode(node);
			if (!removeData(node)) {
				throw new IllegalStateException("Could not remove " + dataOf(node) + "; " + node + " was not started.");
			}
			startNode(node);
		}
	}

	/** The folder a node keeps its database and Raft logs in (see NodeDatabase). */
	Path dataOf(String node) {
		return dataDir().resolve(node);
	}

	/** The last data folder the arguments name, as Spring would read a single one. */
	private Path dataDir() {
		String dir = DEFAULT_DATA_DIR;
		for (String arg : this.sharedArgs) {
			if (arg.startsWith(DATA_DIR)) {
				dir = arg.substring(DATA_DIR.length());
			}
		}
		return Path.of(dir);
	}

	/**
	 * @return whether nothing of the node's data is left; to be called while the node is
	 * stopped
	 */
	private boolean removeData(String node) {
		Path folder = dataOf(node);
		try {
			FileSystemUtils.deleteRecursively(folder);
			return true;
		}
		catch (IOException ex) {
			log.warn("Could not remove {}: {}", folder, ex.toString());
			return false;
		}
	}

	private Object lock(String node) {
		return this.locks.computeIfAbsent(node, (key) -> new Object());
	}

	private void startFrontDoor() {
		synchronized (this.frontDoorLock) {
			if (this.frontDoor != null && this.frontDoor.isActive()) {
				return;
			}
			List<String> args = new ArrayList<>(this.sharedArgs);
			args.addAll(layoutArgs());
			args.add("--paxoshub.role=front-door");
			args.add("--server.port=" + this.frontDoorPort);
			this.frontDoor = run(FrontDoorApplication.class, args);
		}
	}

	private void stopFrontDoor() {
		synchronized (this.frontDoorLock) {
			if (this.frontDoor != null) {
				this.frontDoor.close();
				this.frontDoor = null;
			}
		}
	}

	/**
	 * The home revives a node, or resets the cluster, on one of its request threads (or
	 * threads they made), whose class loader is its web server's; each part's proxies
	 * must come from the application's.
	 */
	private static ConfigurableApplicationContext run(Class<?> application, List<String> args) {
		Thread thread = Thread.currentThread();
		ClassLoader before = thread.getContextClassLoader();
		thread.setContextClassLoader(DemoCluster.class.getClassLoader());
		try {
			return part(application).run(args.toArray(String[]::new));
		}
		finally {
			thread.setContextClassLoader(before);
		}
	}

	/**
	 * One application of this JVM's demo. Logback is one per JVM and every part sets it
	 * up again from its own settings; two parts doing so at the same moment corrupt each
	 * other's settings and fail to start, so they take turns.
	 */
	static SpringApplicationBuilder part(Class<?> application) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(application);
		SpringApplication app = builder.application();
		app.setListeners(app.getListeners()
			.stream()
			.map((listener) -> (listener instanceof LoggingApplicationListener logging) ? new OneAtATime(logging)
					: listener)
			.toList());
		return builder;
	}

	/** Logging set-up that waits for any other part's to finish first. */
	private record OneAtATime(LoggingApplicationListener logging) implements GenericApplicationListener {

		private static final Object TURN = new Object();

		@Override
		public boolean supportsEventType(ResolvableType eventType) {
			return this.logging.supportsEventType(eventType);
		}

		@Override
		public boolean supportsSourceType(Class<?> sourceType) {
			return this.logging.supportsSourceType(sourceType);
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			synchronized (TURN) {
				this.logging.onApplicationEvent(event);
			}
		}

		@Override
		public int getOrder() {
			return this.logging.getOrder();
		}

	}

	private List<String> layoutArgs() {
		List<String> args = new ArrayList<>();
		if (this.name != null) {
			args.add("--paxoshub.cluster.name=" + this.name);
		}
		for (int i = 0; i < this.layout.size(); i++) {
			NodeAddress node = this.layout.get(i);
			args.add("--paxoshub.cluster.nodes[" + i + "].name=" + node.name());
			args.add("--paxoshub.cluster.nodes[" + i + "].url=" + node.url());
			args.add("--paxoshub.cluster.nodes[" + i + "].raft-port=" + node.raftPort());
			if (node.color() != null) {
				args.add("--paxoshub.cluster.nodes[" + i + "].color=" + node.color());
			}
		}
		return args;
	}

	@Override
	public void close() {
		stopFrontDoor();
		new ArrayList<>(this.running.keySet()).parallelStream().forEach(this::stopNode);
	}

}
