package dev.paxoshub.home;

import dev.paxoshub.node.EnableNodeAutoConfiguration;
import dev.paxoshub.node.PaxoshubProperties;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The demo's home, on the address people open first: what paxoshub shows, a way into each
 * cluster's site, each cluster's live dashboard, and the operator's chaos controls. It
 * owns no account; it watches the clusters through their nodes' public and operator APIs,
 * and crashes or revives a node through the {@link ClusterSupervisor} that runs it.
 */
@SpringBootConfiguration
@EnableNodeAutoConfiguration
@EnableScheduling
@EnableConfigurationProperties({ PaxoshubProperties.class, HomeSettings.class })
@ComponentScan(basePackageClasses = HomeApplication.class)
public class HomeApplication {

	/** The home has no database of its own. */
	private static final String NO_DATABASE = "spring.autoconfigure.exclude="
			+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	/**
	 * The watch, the traffic readings and the dashboards' stream each keep their own
	 * pace: a node that is slow to answer one of them holds up none of the others.
	 */
	private static final String SCHEDULER_THREADS = "spring.task.scheduling.pool.size=3";

	/**
	 * @param builder a builder for this class, prepared by whoever runs the home next to
	 * other applications in one JVM
	 */
	public static ConfigurableApplicationContext start(SpringApplicationBuilder builder, Clusters clusters,
			String... args) {
		return builder.properties(NO_DATABASE, SCHEDULER_THREADS)
			.initializers((context) -> context.getBeanFactory().registerSingleton("clusters", clusters))
			.run(args);
	}

}
