package dev.paxoshub.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.paxoshub.home.Clusters;
import dev.paxoshub.home.HomeApplication;
import dev.paxoshub.support.FreePorts;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo's home on a free loopback port, watching running test clusters with the
 * operator of {@link RunningCluster}.
 */
public final class RunningHome implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final int port;

	private RunningHome(ConfigurableApplicationContext context, int port) {
		this.context = context;
		this.port = port;
	}

	/**
	 * Each cluster needs a name ({@link RunningCluster#startNamed}): the home's API
	 * addresses it so.
	 */
	public static RunningHome watching(DemoCluster... clusters) {
		// the dashboards' polling is not what these tests look at; spare the two cores
		return start(clusters, "--paxoshub.home.poll-interval=2s");
	}

	/** A home that watches as often as the demo's does, for its live dashboards. */
	public static RunningHome live(DemoCluster... clusters) {
		return start(clusters);
	}

	/**
	 * A home watching no cluster, reading what other programs leave in its data folder
	 * (the fault checker's runs).
	 */
	public static RunningHome onDataFolder(Path dataDir) {
		return start(new DemoCluster[0], "--paxoshub.data-dir=" + dataDir.toAbsolutePath());
	}

	private static RunningHome start(DemoCluster[] clusters, String... extraArgs) {
		int port = FreePorts.next();
		List<String> args = new ArrayList<>(List.of("--paxoshub.role=home", "--server.port=" + port,
				"--logging.level.root=warn", "--paxoshub.admin.password=" + RunningCluster.OPERATOR_PASSWORD));
		args.addAll(List.of(extraArgs));
		ConfigurableApplicationContext context = HomeApplication.start(DemoCluster.part(HomeApplication.class),
				new Clusters(List.of(clusters)), args.toArray(String[]::new));
		return new RunningHome(context, port);
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
