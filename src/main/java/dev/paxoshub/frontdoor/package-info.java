/**
 * The front door: Spring Cloud Gateway with Spring Cloud LoadBalancer in front of the
 * nodes, health checks, pinning, a retry on another node when a connection is refused,
 * and signed forwarding headers ({@link dev.paxoshub.frontdoor.FrontDoorRoutes}).
 * <p>
 * May use: the gateway and load balancer (the only package that does), {@code node}.
 */
package dev.paxoshub.frontdoor;
