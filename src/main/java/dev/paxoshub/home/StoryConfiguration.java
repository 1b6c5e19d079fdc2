package dev.paxoshub.home;

import java.net.URI;
import java.util.List;

import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.story.HomeApi;
import dev.paxoshub.story.StoryStage;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * The story stage plays through the home's own API, as any other client of the home
 * would, on the port the home listens on: looked up when the first play starts, since the
 * server is not listening yet when the stage is made.
 */
@Configuration(proxyBeanMethods = false)
class StoryConfiguration {

	@Bean
	StoryStage storyStage(ApplicationContext context, PaxoshubProperties properties, Clusters clusters) {
		SingletonSupplier<HomeApi> home = SingletonSupplier.of(() -> new HomeApi(
				URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort()),
				properties.admin().username(), properties.admin().password()));
		// A home watching no cluster (one that only shows the fault checker's runs) still
		// reads the built-in scenarios against the configured layout.
		List<NodeAddress> layout = clusters.all().isEmpty() ? properties.cluster().nodes()
				: clusters.all().get(0).nodes();
		List<String> nodes = layout.stream().map(NodeAddress::name).toList();
		return new StoryStage(home, nodes);
	}

}
