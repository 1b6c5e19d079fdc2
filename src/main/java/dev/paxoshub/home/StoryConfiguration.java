package dev.paxoshub.home;

import java.net.URI;

import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.story.HomeApi;
import dev.paxoshub.story.StoryStage;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * The story stage plays through the home's own API, as any other client of the home
 * would, on the port the home listens on once it has started.
 */
@Configuration(proxyBeanMethods = false)
class StoryConfiguration {

	@Bean
	StoryStage storyStage(WebServerApplicationContext context, PaxoshubProperties properties, Clusters clusters) {
		SingletonSupplier<HomeApi> home = SingletonSupplier
			.of(() -> new HomeApi(URI.create("http://127.0.0.1:" + context.getWebServer().getPort()),
					properties.admin().username(), properties.admin().password()));
		return new StoryStage(home, clusters.all().get(0).nodes().stream().map(NodeAddress::name).toList());
	}

}
