package dev.paxoshub.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.support.FreePorts;

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

	/**
	 * Stops, in order, what a test started; a part that never started (null) is skipped.
	 */
	public static void closeAll(AutoCloseable... parts) throws Exception {
		for (AutoCloseable part : parts) {
			if (part != null) {
				part.close();
			}
		}
	}

	public static DemoCluster start(Path dataDir, String... extraArgs) {
		return startNamed(null, dataDir, extraArgs);
	}

	/**
	 * A cluster with a name, as a home shows it ({@code on}, {@code off}); null for one
	 * that runs alone.
	 */
	public static DemoCluster startNamed(String name, Path dataDir, String... extraArgs) {
		Objects.requireNonNull(dataDir, "a test cluster needs its own data folder");
		List<NodeAddress> layout = List.of(node("morpheus", "#d1242f"), node("neo", "#1a7f37"),
				node("trinity", "#8250df"));
		List<String> args = new ArrayList<>(
				List.of("--paxoshub.data-dir=" + dataDir, "--paxoshub.front-door.health-check-interval=500ms",
						"--logging.level.root=warn", "--paxoshub.admin.password=" + OPERATOR_PASSWORD));
		args.addAll(List.of(extraArgs));
		return new DemoCluster(name, layout, args, FreePorts.next()).start();
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
