package dev.paxoshub.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.paxoshub.node.PaxoshubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The whole demo in one process: starts the three nodes and the front door, and stops
 * them when the process ends. It serves nothing itself.
 */
@SpringBootConfiguration
@EnableConfigurationProperties(PaxoshubProperties.class)
public class DemoApplication {

	private static final Logger log = LoggerFactory.getLogger(DemoApplication.class);

	@Bean(destroyMethod = "close")
	DemoCluster demoCluster(PaxoshubProperties properties, ApplicationArguments arguments,
			@Value("${server.port:8080}") int frontDoorPort) {
		long started = System.nanoTime();
		// Each part gets its own role, name and port, and the layout once, from
		// DemoCluster;
		// passing the demo's own copies along would give a part each of them twice.
		List<String> shared = new ArrayList<>(Arrays.stream(arguments.getSourceArgs())
			.filter((arg) -> !arg.startsWith("--paxoshub.role") && !arg.startsWith("--paxoshub.node=")
					&& !arg.startsWith("--server.port") && !arg.startsWith("--paxoshub.cluster.nodes"))
			.toList());
		// Secrets set for the demo some other way (environment, a file) reach every part,
		// so that
		// the demo does not make up its own in their place.
		secret(shared, DemoCluster.CLUSTER_KEY, properties.cluster().key());
		secret(shared, DemoCluster.SIGN_IN_KEY, properties.cluster().signInKey());
		secret(shared, DemoCluster.ADMIN_PASSWORD, properties.admin().password());
		DemoCluster cluster = new DemoCluster(properties.cluster().nodes(), shared, frontDoorPort).start();
		log.info("paxoshub is up in {} ms. Front door: http://localhost:{}  Nodes: {}",
				(System.nanoTime() - started) / 1_000_000, frontDoorPort,
				properties.cluster().nodes().stream().map((n) -> n.displayName() + " " + n.url()).toList());
		return cluster;
	}

	private static void secret(List<String> args, String property, String value) {
		if (value != null && !value.isBlank()
				&& args.stream().noneMatch((arg) -> arg.startsWith("--" + property + "="))) {
			args.add("--" + property + "=" + value);
		}
	}

}
