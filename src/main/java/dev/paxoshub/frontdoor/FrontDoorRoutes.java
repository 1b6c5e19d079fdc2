package dev.paxoshub.frontdoor;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import dev.paxoshub.frontdoor.UnreachableNodeDetector.NodeUnreachableException;
import dev.paxoshub.node.ClusterKey;
import dev.paxoshub.node.FrontDoorSignature;
import jakarta.servlet.DispatcherType;

import org.springframework.cloud.gateway.server.mvc.filter.RetryFilterFunctions.RetryConfig;
import org.springframework.cloud.gateway.server.mvc.filter.XForwardedRequestHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.XForwardedRequestHeadersFilterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.filter.RetryFilterFunctions.retry;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

/**
 * Every request, whatever its path and method, goes to a live node through Spring Cloud
 * Gateway. Method, body, cookies and headers pass through, and so does the node's answer,
 * relative {@code Location} and {@code Set-Cookie} included.
 */
@Configuration(proxyBeanMethods = false)
class FrontDoorRoutes {

	/**
	 * The gateway's own client-address check on {@code X-Forwarded-*} is not needed: no
	 * client's forwarding headers get this far (see
	 * {@link #dropForwardingHeadersFromClients()}).
	 */
	private static final String ANY_CLIENT = ".*";

	static final String ACKNOWLEDGED = "/front-door/acknowledged";

	/**
	 * Filters run in the order they are declared, each around the ones after it: the
	 * answers catch what the retry gives up on, the retry asks LoadBalancer again for
	 * each attempt, and the detector tells the retry whether the node got the request.
	 * The answers are a filter and not {@code onError()}: Spring Framework puts error
	 * handlers innermost, around the proxy call alone, where they would answer before the
	 * retry could try another node.
	 */
	@Bean
	RouterFunction<ServerResponse> toALiveNode(ClusterLayout layout, AcknowledgedWrites acknowledged) {
		return route("to-a-live-node").route(FrontDoorRoutes::clientRequest, http())
			.filter(acknowledged)
			.filter(new FrontDoorAnswers())
			.filter(retry(onceOnEveryOtherNode(layout.nodes().size())))
			.filter(lb(NodeInstances.SERVICE_ID))
			.filter(new UnreachableNodeDetector())
			.build();
	}

	/**
	 * Node-to-node calls stay between nodes: whatever a client sends under
	 * {@code /internal/} is answered here and never forwarded (the nodes would refuse it
	 * unsigned anyway).
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> internalStaysInside() {
		return RouterFunctions.route(RequestPredicates.path("/internal/**").and(FrontDoorRoutes::clientRequest),
				(request) -> ServerResponse.status(HttpStatus.NOT_FOUND)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is nothing here.")));
	}

	/**
	 * What this front door acknowledged, for the demo's consensus properties: account
	 * ids, names and versions only, which the nodes show anyone anyway.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> acknowledgedWritesRoute(AcknowledgedWrites acknowledged) {
		return RouterFunctions.route(RequestPredicates.GET(ACKNOWLEDGED).and(FrontDoorRoutes::clientRequest),
				(request) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(acknowledged.all()));
	}

	/**
	 * Only what a client sent goes to a node. When the front door's own server refuses a
	 * request (a TRACE, say, answered 405) it renders an error page of its own; sending
	 * that to a node as a fresh {@code GET /error} would replace the refusal with
	 * whatever the node answers.
	 */
	private static boolean clientRequest(ServerRequest request) {
		return request.servletRequest().getDispatcherType() == DispatcherType.REQUEST;
	}

	/**
	 * Signs the forwarding headers for the nodes; made at start, so a front door without
	 * a usable cluster key refuses to start rather than forward unsigned.
	 */
	@Bean
	SignedForwarding signedForwarding(ClusterLayout layout) {
		ClusterKey key = ClusterKey.of("paxoshub.cluster.key", layout.key());
		return new SignedForwarding(FrontDoorSignature.of(key, Clock.systemUTC(), layout.signatureMaxAge()));
	}

	/**
	 * Requests enter paxoshub here, so a forwarding header that a client sends can only
	 * be made up; nodes must not build links from it.
	 */
	@Bean
	ForwardedHeaderFilter dropForwardingHeadersFromClients() {
		ForwardedHeaderFilter filter = new ForwardedHeaderFilter();
		filter.setRemoveOnly(true);
		return filter;
	}

	/**
	 * Tells nodes the address the user actually used, so that the links and redirects
	 * they build point at the front door. Ordered late: the gateway's own filter that
	 * removes {@code X-Forwarded-*} (active because no trusted proxies are configured)
	 * has the default order, and must run before this one, not after; only the signature
	 * comes later.
	 */
	@Bean
	XForwardedRequestHeadersFilter forwardingHeadersToNodes() {
		XForwardedRequestHeadersFilterProperties settings = new XForwardedRequestHeadersFilterProperties();
		settings.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return new XForwardedRequestHeadersFilter(settings, ANY_CLIENT);
	}

	/**
	 * One attempt per node at most, and another only when the last node was unreachable.
	 * The gateway looks at the method only to retry on a status, so a POST that no node
	 * got is sent on too. No status is retried: any answer, even a 5xx, means a node got
	 * the request.
	 */
	private static RetryConfig onceOnEveryOtherNode(int nodes) {
		return new RetryConfig().setRetries(nodes - 1)
			.setExceptions(Set.of(NodeUnreachableException.class))
			.setSeries(Set.of())
			// Spring Framework's default pause between attempts is a second; the next
			// node is
			// ready right away.
			.setBackoff(Duration.ofMillis(1), Duration.ofMillis(2), 2);
	}

}
