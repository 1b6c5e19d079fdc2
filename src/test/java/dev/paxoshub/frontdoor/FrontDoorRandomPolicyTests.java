package dev.paxoshub.frontdoor;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import dev.paxoshub.frontdoor.FrontDoorProperties.Policy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.loadbalancer.core.RandomLoadBalancer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front door choosing nodes at random, with a health check so slow that it never
 * notices a node going away during these tests: a stopped node is only found out by its
 * refused connections.
 */
class FrontDoorRandomPolicyTests {

	private static final FakeNode morpheus = new FakeNode("morpheus");

	private static final FakeNode neo = new FakeNode("neo");

	private static final FakeNode trinity = new FakeNode("trinity");

	private static final List<FakeNode> nodes = List.of(morpheus, neo, trinity);

	private static RunningFrontDoor frontDoor;

	@BeforeAll
	static void startNodesAndFrontDoor() {
		nodes.forEach(FakeNode::start);
		frontDoor = RunningFrontDoor.inFrontOf(nodes, Policy.RANDOM, Duration.ofHours(1));
	}

	@AfterEach
	void bringEveryNodeBack() {
		nodes.stream().filter((node) -> !node.isRunning()).forEach(FakeNode::start);
	}

	@AfterAll
	static void stopAll() {
		frontDoor.close();
		nodes.forEach(FakeNode::stop);
	}

	@Test
	void choosesAtRandom() {
		assertThat(frontDoor.loadBalancer()).isInstanceOf(RandomLoadBalancer.class);
		// Sixty draws all missing a node would happen about once in ten billion runs.
		assertThat(servedBy(60)).containsOnly("morpheus", "neo", "trinity");
	}

	@Test
	void retriesNeverGoBackToANodeThatRefused() {
		neo.stop();
		trinity.stop();

		// Chosen at random among three, two of them unreachable, every request still has
		// to
		// reach Morpheus within its three attempts: each retry must leave out the nodes
		// tried.
		assertThat(frontDoor.healthyNodes()).containsExactlyInAnyOrder("morpheus", "neo", "trinity");
		assertThat(servedBy(20)).containsOnly("morpheus");
		IntStream.range(0, 10).forEach((i) -> {
			HttpResponse<String> response = frontDoor
				.send(frontDoor.request("/entries").POST(BodyPublishers.ofString("entry " + i)));
			assertThat(response.body()).isEqualTo("morpheus");
		});
		assertThat(morpheus.received()).filteredOn((received) -> received.method().equals("POST")).hasSize(10);
	}

	private static List<String> servedBy(int requests) {
		return IntStream.range(0, requests).mapToObj((i) -> {
			HttpResponse<String> response = frontDoor.get("/");
			assertThat(response.statusCode()).isEqualTo(200);
			return response.headers().firstValue("X-Paxoshub-Served-By").orElseThrow();
		}).toList();
	}

}
