package dev.paxoshub.node;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the node, in UTC, so that tests can stand a fixed one in its place. */
@Configuration(proxyBeanMethods = false)
public class NodeClock {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
