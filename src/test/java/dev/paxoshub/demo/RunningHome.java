package dev.paxoshub.demo;

import java.net.URI;
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
		int port = FreePorts.next();
		ConfigurableApplicationContext context = HomeApplication.start(DemoCluster.part(HomeApplication.class),
				new Clusters(List.of(clusters)), "--paxoshub.role=home", "--server.port=" + port,
				"--logging.level.root=warn", "--paxoshub.admin.password=" + RunningCluster.OPERATOR_PASSWORD,
				// the dashboards' polling is not what these tests look at; spare the two
				// cores
				"--paxoshub.home.poll-interval=2s");
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
