package dev.paxoshub.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.paxoshub.home.Clusters;
import dev.paxoshub.home.HomeApplication;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.support.FreePorts;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Morpheus, Neo, Trinity and the front door on free loopback ports with their databases
 * in a temporary folder: the real demo, sized for a test.
 */
public final class RunningCluster {

	/**
	 * The operator of every test cluster, unless a test starts one with other
	 * credentials.
	 */
	public static final String OPERATOR = "admin";

	public static final String OPERATOR_PASSWORD = "operator-password-for-tests";

	private RunningCluster() {
	}

	public static DemoCluster start(Path dataDir, String... extraArgs) {
		return start(null, dataDir, extraArgs);
	}

	/**
	 * @param name the cluster's name, as the home shows it; null for a cluster that runs
	 * alone
	 */
	public static DemoCluster start(String name, Path dataDir, String... extraArgs) {
		Objects.requireNonNull(dataDir, "a test cluster needs its own data folder");
		List<NodeAddress> layout = List.of(node("morpheus", "#d1242f"), node("neo", "#1a7f37"),
				node("trinity", "#8250df"));
		List<String> args = new ArrayList<>(
				List.of("--paxoshub.data-dir=" + dataDir, "--paxoshub.front-door.health-check-interval=500ms",
						"--logging.level.root=warn", "--paxoshub.admin.password=" + OPERATOR_PASSWORD));
		args.addAll(List.of(extraArgs));
		return new DemoCluster(name, layout, args, FreePorts.next()).start();
	}

	/**
	 * The home on a free port, watching the given clusters, as the demo starts it; its
	 * operator is the clusters' own.
	 */
	public static ConfigurableApplicationContext startHome(int port, DemoCluster... clusters) {
		return HomeApplication.start(DemoCluster.part(HomeApplication.class), new Clusters(List.of(clusters)),
				"--paxoshub.role=home", "--server.port=" + port, "--logging.level.root=warn",
				"--paxoshub.admin.password=" + OPERATOR_PASSWORD);
	}

	public static URI url(DemoCluster cluster, String node) {
		return cluster.layout().stream().filter((n) -> n.name().equals(node)).findFirst().orElseThrow().url();
	}

	public static URI frontDoor(DemoCluster cluster) {
		return URI.create("http://127.0.0.1:" + cluster.frontDoorPort());
	}

	private static NodeAddress node(String name, String color) {
		return new NodeAddress(name, URI.create("http://127.0.0.1:" + FreePorts.next()), color, FreePorts.next());
	}

}
