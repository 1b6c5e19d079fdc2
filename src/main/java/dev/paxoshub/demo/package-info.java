/**
 * The whole demo in one JVM: three nodes and the front door as four Spring applications
 * ({@link dev.paxoshub.demo.DemoCluster}), with secrets made for the run.
 * <p>
 * May use: {@code frontdoor}, {@code node}.
 */
package dev.paxoshub.demo;
