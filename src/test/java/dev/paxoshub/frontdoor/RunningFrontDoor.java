package dev.paxoshub.frontdoor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.paxoshub.frontdoor.FrontDoorProperties.Policy;

import dev.paxoshub.node.ClusterKey;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The real front door on a free port in front of fake nodes, started the way the demo
 * starts it, and a plain HTTP client that never follows redirects.
 */
class RunningFrontDoor implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private RunningFrontDoor(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static RunningFrontDoor inFrontOf(List<FakeNode> nodes, Policy policy, Duration healthCheckInterval) {
		// Command-line arguments, as the demo passes them: they win over the shared
		// application.yml.
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--paxoshub.front-door.policy=" + policy,
				"--paxoshub.cluster.key=" + ClusterKey.random(),
				"--paxoshub.front-door.health-check-interval=" + healthCheckInterval.toMillis() + "ms"));
		for (int i = 0; i < nodes.size(); i++) {
			args.add("--paxoshub.cluster.nodes[" + i + "].name=" + nodes.get(i).name());
			args.add("--paxoshub.cluster.nodes[" + i + "].url=" + nodes.get(i).url());
		}
		return new RunningFrontDoor(
				new SpringApplicationBuilder(FrontDoorApplication.class).run(args.toArray(String[]::new)));
	}

	HttpRequest.Builder request(String path) {
		String port = this.context.getEnvironment().getProperty("local.server.port");
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
	}

	HttpResponse<String> get(String path, String... headers) {
		return send((headers.length > 0) ? request(path).headers(headers) : request(path));
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The nodes LoadBalancer currently holds healthy, as its health check last found
	 * them.
	 */
	List<String> healthyNodes() {
		return this.context.getBean(LoadBalancerClientFactory.class)
			.getInstance(NodeInstances.SERVICE_ID, ServiceInstanceListSupplier.class)
			.get()
			.blockFirst()
			.stream()
			.map(NodeInstances::nameOf)
			.toList();
	}

	void awaitHealthyNodes(List<FakeNode> running) {
		List<String> names = running.stream().map(FakeNode::name).toList();
		await().atMost(Duration.ofSeconds(5))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> healthyNodes().containsAll(names) && names.containsAll(healthyNodes()));
	}

	ReactiveLoadBalancer<ServiceInstance> loadBalancer() {
		return this.context.getBean(LoadBalancerClientFactory.class).getInstance(NodeInstances.SERVICE_ID);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
