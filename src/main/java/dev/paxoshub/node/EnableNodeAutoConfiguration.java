package dev.paxoshub.node;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Boot's auto-configuration as a node needs it. The front door's gateway and load
 * balancer share the jar; a node must not act as either (the gateway's form filter, for
 * one, would consume every form post before the node's own controllers). Used by the node
 * and by the tests' node slices, so both leave out the same parts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnableAutoConfiguration(
		excludeName = { "org.springframework.cloud.gateway.server.mvc.GatewayServerMvcAutoConfiguration",
				"org.springframework.cloud.gateway.server.mvc.filter.FilterAutoConfiguration",
				"org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctionAutoConfiguration",
				"org.springframework.cloud.gateway.server.mvc.handler.GatewayMultipartAutoConfiguration",
				"org.springframework.cloud.gateway.server.mvc.predicate.PredicateAutoConfiguration",
				"org.springframework.cloud.loadbalancer.config.LoadBalancerAutoConfiguration",
				"org.springframework.cloud.loadbalancer.config.BlockingLoadBalancerClientAutoConfiguration",
				"org.springframework.cloud.loadbalancer.config.LoadBalancerCacheAutoConfiguration",
				"org.springframework.cloud.client.loadbalancer.LoadBalancerAutoConfiguration" })
public @interface EnableNodeAutoConfiguration {

}
