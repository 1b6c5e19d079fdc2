package dev.paxoshub.node;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One paxoshub node: the whole site with its own database. Morpheus, Neo and Trinity are
 * three instances of this application, whether in one JVM or in three processes.
 */
@SpringBootConfiguration
@EnableNodeAutoConfiguration
// Named, not referenced: the node package imports none of the features it starts.
@AutoConfigurationPackage(basePackages = "dev.paxoshub.store")
@EnableScheduling
@ConfigurationPropertiesScan({ "dev.paxoshub.node", "dev.paxoshub.consensus" })
// Other applications (front door, demo, test configurations) live under the same root
// package.
@ComponentScan(basePackages = "dev.paxoshub",
		excludeFilters = {
				@ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.paxoshub\\.(frontdoor|demo|home)\\..*"),
				@ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class) })
public class NodeApplication {

	/**
	 * The node listens where the cluster layout says it does, so that peers can find it.
	 */
	@Bean
	WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> nodePort(NodeIdentity node) {
		return (factory) -> factory.setPort(node.self().port());
	}

}
