package dev.paxoshub.demo;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import dev.paxoshub.demo.DemoSettings.ClusterPlan;
import dev.paxoshub.home.Clusters;
import dev.paxoshub.home.HomeApplication;
import dev.paxoshub.node.ClusterKey;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The whole demo in one process: every planned cluster (by default one with consensus OFF
 * and one with consensus ON, side by side), each with Morpheus, Neo, Trinity and a front
 * door of its own, and the home on {@code server.port} that shows them all. It serves
 * nothing itself.
 */
@SpringBootConfiguration
@EnableConfigurationProperties({ PaxoshubProperties.class, DemoSettings.class })
public class DemoApplication {

	private static final Logger log = LoggerFactory.getLogger(DemoApplication.class);

	/**
	 * What each part is told by name, never passed on from the demo's own arguments (an
	 * option given twice would reach a part as both values, comma-joined).
	 */
	private static final List<String> PER_PART = List.of("--paxoshub.role", "--paxoshub.node=", "--server.port",
			"--paxoshub.cluster.nodes", "--paxoshub.cluster.name", "--paxoshub.consensus", "--paxoshub.data-dir",
			"--paxoshub.clusters", "--paxoshub.demo.", "--" + DemoCluster.ADMIN_PASSWORD);

	@Bean(destroyMethod = "close")
	Demo demo(PaxoshubProperties properties, DemoSettings settings, ApplicationArguments arguments,
			@Value("${server.port:8080}") int homePort) {
		long started = System.nanoTime();
		List<String> shared = new ArrayList<>(Arrays.stream(arguments.getSourceArgs())
			.filter((arg) -> PER_PART.stream().noneMatch(arg::startsWith))
			.toList());
		// The operator is the same on every part; the keys are each cluster's own
		// (DemoCluster).
		String operatorPassword = properties.admin().password();
		if (operatorPassword == null || operatorPassword.isBlank()) {
			operatorPassword = ClusterKey.random();
			log.warn("""

					Using generated operator password: {}
					Sign in as '{}' with it to break nodes on purpose and to switch consensus.
					Set paxoshub.admin.password to choose one.
					""", operatorPassword, properties.admin().username());
		}
		shared.add("--" + DemoCluster.ADMIN_PASSWORD + "=" + operatorPassword);
		List<DemoCluster> clusters = settings.clusters()
			.stream()
			.map((name) -> cluster(name, settings, properties, shared))
			.toList();
		// Everything starts at once: on two cores the parts overlap each other's waits,
		// and the
		// home shows the clusters coming up.
		ExecutorService starter = Executors.newFixedThreadPool(clusters.size() + 1);
		try {
			CompletableFuture<ConfigurableApplicationContext> home = CompletableFuture
				.supplyAsync(() -> startHome(clusters, shared, homePort), starter);
			try {
				CompletableFuture
					.allOf(clusters.stream()
						.map((cluster) -> CompletableFuture.runAsync(cluster::start, starter))
						.toArray(CompletableFuture[]::new))
					.join();
				Demo demo = new Demo(clusters, home.join());
				log.info("paxoshub is up in {} ms. Home: http://localhost:{}  {}",
						(System.nanoTime() - started) / 1_000_000, homePort,
						clusters.stream().map((c) -> c.name() + ": " + c.frontDoor()).toList());
				return demo;
			}
			catch (RuntimeException ex) {
				// A part that failed to start fails the demo: the parts that did start
				// would otherwise keep the process alive, serving half a demo.
				home.thenAccept(ConfigurableApplicationContext::close);
				clusters.parallelStream().forEach(DemoCluster::close);
				throw ex;
			}
		}
		finally {
			starter.shutdown();
		}
	}

	private static ConfigurableApplicationContext startHome(List<DemoCluster> clusters, List<String> shared, int port) {
		return HomeApplication.start(DemoCluster.part(HomeApplication.class), new Clusters(List.copyOf(clusters)),
				homeArgs(shared, port));
	}

	private static DemoCluster cluster(String name, DemoSettings settings, PaxoshubProperties properties,
			List<String> shared) {
		ClusterPlan plan = settings.demo().clusters().get(name);
		if (plan == null) {
			throw new IllegalArgumentException("No cluster named '" + name + "' in paxoshub.demo.clusters; known: "
					+ settings.demo().clusters().keySet());
		}
		List<NodeAddress> template = properties.cluster().nodes();
		List<NodeAddress> layout = IntStream.range(0, template.size())
			.mapToObj((i) -> new NodeAddress(template.get(i).name(),
					URI.create("http://127.0.0.1:" + (plan.basePort() + i + 1)), template.get(i).color(), 0))
			.toList();
		List<String> args = new ArrayList<>(shared);
		args.add("--paxoshub.consensus=" + plan.consensus());
		args.add("--paxoshub.data-dir=" + properties.dataDir().resolve(name));
		return new DemoCluster(name, layout, args, plan.basePort());
	}

	private static String[] homeArgs(List<String> shared, int port) {
		List<String> args = new ArrayList<>(shared);
		args.add("--paxoshub.role=home");
		args.add("--server.port=" + port);
		return args.toArray(String[]::new);
	}

	/** What the demo runs, stopped together when the process ends. */
	record Demo(List<DemoCluster> clusters, ConfigurableApplicationContext home) implements AutoCloseable {

		@Override
		public void close() {
			this.home.close();
			this.clusters.parallelStream().forEach(DemoCluster::close);
		}

	}

}
