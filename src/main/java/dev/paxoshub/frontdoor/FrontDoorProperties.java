package dev.paxoshub.frontdoor;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the front door chooses among the nodes; where the nodes are comes from the cluster
 * layout every paxoshub process shares ({@link ClusterLayout}).
 *
 * @param policy how a node is chosen among the live ones
 * @param healthCheckInterval how often each node's {@code /actuator/health} is asked; a
 * node that stops answering leaves the rotation within about twice this, and until then a
 * refused connection sends the request to another node
 */
@ConfigurationProperties("paxoshub.front-door")
record FrontDoorProperties(@DefaultValue("ROUND_ROBIN") Policy policy,
		@DefaultValue("1s") Duration healthCheckInterval) {

	enum Policy {

		/** Each live node in turn, so a demo shows every node. */
		ROUND_ROBIN,

		RANDOM

	}

}
