package dev.paxoshub.frontdoor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayMultipartAutoConfiguration;
import org.springframework.cloud.loadbalancer.config.LoadBalancerCacheAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * The front door: the one address of paxoshub. It owns no data and serves no page of its
 * own; every request goes to a live node through Spring Cloud Gateway, and Spring Cloud
 * LoadBalancer picks the node. Configured with {@code paxoshub.cluster.nodes} (see
 * {@link ClusterLayout}), {@code paxoshub.front-door.*} (see {@link FrontDoorProperties})
 * and {@code server.port}.
 * <p>
 * It shares the classpath and {@code application.yml} of the nodes, so it switches off
 * what only a node should have: the database, Spring Security (nodes check who you are,
 * the front door does not), templates, and actuator endpoints, so that
 * {@code /actuator/**} reaches the nodes too. {@link EnableWebMvc} replaces Boot's MVC
 * defaults so that no welcome page, static resource or form-content filter of the front
 * door can answer or swallow a request meant for a node. Multipart support stays off
 * whatever the shared configuration says: an upload passes through as raw bytes and only
 * the node parses it. LoadBalancer's instance cache goes too: the list of nodes is fixed,
 * and only the health check changes what is live.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = { DataSourceAutoConfiguration.class, SecurityAutoConfiguration.class,
		UserDetailsServiceAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
		ThymeleafAutoConfiguration.class, WebEndpointAutoConfiguration.class, MultipartAutoConfiguration.class,
		GatewayMultipartAutoConfiguration.class, LoadBalancerCacheAutoConfiguration.class })
@EnableWebMvc
@ComponentScan(basePackageClasses = FrontDoorApplication.class)
@EnableConfigurationProperties({ ClusterLayout.class, FrontDoorProperties.class })
public class FrontDoorApplication {

}
