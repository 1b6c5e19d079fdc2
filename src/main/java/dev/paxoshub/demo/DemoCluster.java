package dev.paxoshub.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paxoshub.frontdoor.FrontDoorApplication;
import dev.paxoshub.node.ClusterKey;
import dev.paxoshub.node.NodeApplication;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Morpheus, Neo, Trinity and the front door as four Spring applications in one JVM. Each
 * node keeps its own web server, database and beans, exactly as it would in a process of
 * its own, so stopping one here is the same as a server going away.
 */
public class DemoCluster implements AutoCloseable {

	static final String CLUSTER_KEY = "paxoshub.cluster.key";

	static final String SIGN_IN_KEY = "paxoshub.cluster.sign-in-key";

	static final String ADMIN_PASSWORD = "paxoshub.admin.password";

	private static final Logger log = LoggerFactory.getLogger(DemoCluster.class);

	private final List<NodeAddress> layout;

	private final List<String> sharedArgs;

	private final int frontDoorPort;

	private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();

	private ConfigurableApplicationContext frontDoor;

	/**
	 * @param layout the nodes, as in {@code paxoshub.cluster.nodes}
	 * @param sharedArgs command-line arguments every application gets (data folder,
	 * mode...)
	 */
	public DemoCluster(List<NodeAddress> layout, List<String> sharedArgs, int frontDoorPort) {
		this.layout = List.copyOf(layout);
		this.sharedArgs = withSecrets(sharedArgs);
		this.frontDoorPort = frontDoorPort;
	}

	/**
	 * The one-JVM demo makes its own secrets, new on every run, for whatever the
	 * arguments do not give: nothing it runs on is a value anybody else knows. A made-up
	 * operator password is printed once, since somebody has to be able to use it.
	 */
	private static List<String> withSecrets(List<String> args) {
		List<String> all = new ArrayList<>(args);
		for (String secret : List.of(CLUSTER_KEY, SIGN_IN_KEY, ADMIN_PASSWORD)) {
			if (all.stream().noneMatch((arg) -> arg.startsWith("--" + secret + "="))) {
				String value = ClusterKey.random();
				all.add("--" + secret + "=" + value);
				if (secret.equals(ADMIN_PASSWORD)) {
					log.warn(
							"""


									Using generated operator password: {}
									Sign in as the operator with it to switch consensus. Set paxoshub.admin.password to choose one.
									""",
							value);
				}
			}
		}
		return List.copyOf(all);
	}

	public DemoCluster start() {
		this.layout.forEach((node) -> startNode(node.name()));
		startFrontDoor();
		return this;
	}

	public synchronized ConfigurableApplicationContext startNode(String name) {
		ConfigurableApplicationContext node = this.running.get(name);
		if (node != null && node.isActive()) {
			return node;
		}
		List<String> args = new ArrayList<>(this.sharedArgs);
		args.addAll(layoutArgs());
		args.add("--paxoshub.role=node");
		args.add("--paxoshub.node=" + name);
		node = new SpringApplicationBuilder(NodeApplication.class).run(args.toArray(String[]::new));
		this.running.put(name, node);
		return node;
	}

	/**
	 * Stops a node the way a crash looks from outside: its port closes and it answers
	 * nothing.
	 */
	public synchronized void stopNode(String name) {
		ConfigurableApplicationContext node = this.running.remove(name);
		if (node != null) {
			node.close();
		}
	}

	public synchronized boolean isRunning(String name) {
		ConfigurableApplicationContext node = this.running.get(name);
		return node != null && node.isActive();
	}

	public synchronized ConfigurableApplicationContext node(String name) {
		return this.running.get(name);
	}

	public List<NodeAddress> layout() {
		return this.layout;
	}

	public int frontDoorPort() {
		return this.frontDoorPort;
	}

	private void startFrontDoor() {
		List<String> args = new ArrayList<>(this.sharedArgs);
		args.addAll(layoutArgs());
		args.add("--paxoshub.role=front-door");
		args.add("--server.port=" + this.frontDoorPort);
		this.frontDoor = new SpringApplicationBuilder(FrontDoorApplication.class).run(args.toArray(String[]::new));
	}

	private List<String> layoutArgs() {
		List<String> args = new ArrayList<>();
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
	public synchronized void close() {
		if (this.frontDoor != null) {
			this.frontDoor.close();
		}
		new ArrayList<>(this.running.keySet()).forEach(this::stopNode);
	}

}
