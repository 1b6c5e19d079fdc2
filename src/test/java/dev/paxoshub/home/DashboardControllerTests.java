package dev.paxoshub.home;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.support.FreePorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The dashboard pages of the home, on a cluster whose nodes are all down: no node is
 * needed to see who may look, who may break things, and what each one is shown.
 */
@SpringBootTest(classes = { HomeApplication.class, DashboardControllerTests.OneCluster.class },
		properties = { "paxoshub.admin.password=operator-password-for-tests", "paxoshub.role=home",
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@AutoConfigureMockMvc
class DashboardControllerTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FakeCluster cluster;

	@BeforeEach
	void everyNodeDown() {
		this.cluster.running.clear();
		this.cluster.kills.clear();
	}

	@Test
	void anyoneSeesTheDashboardWithoutTheChaosControls() throws Exception {
		this.mvc.perform(get("/clusters/on"))
			.andExpect(status().isOk())
			.andExpect(view().name(DashboardController.VIEW))
			.andExpect(content().string(containsString("id=\"node-neo\"")))
			.andExpect(content().string(containsString("data-condition=\"down\"")))
			.andExpect(content().string(containsString("sse-connect=\"/clusters/on/events\"")))
			.andExpect(content().string(containsString("Not measured yet")))
			.andExpect(content().string(not(containsString("id=\"chaos\""))))
			.andExpect(content().string(not(containsString("chaos-neo-kill"))));
	}

	@Test
	void theOperatorSeesTheChaosControls() throws Exception {
		this.mvc.perform(get("/clusters/on").with(user("admin").roles(HomeSecurity.OPERATOR)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"chaos\"")))
			.andExpect(content().string(containsString("id=\"chaos-neo-kill\"")))
			.andExpect(content().string(containsString("hx-post=\"/clusters/on/nodes/neo/kill\"")))
			.andExpect(content().string(containsString("id=\"chaos-heal-cluster\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void anUnknownClusterIsANotFoundPageThatSaysWhichOnesThereAre() throws Exception {
		this.mvc.perform(get("/clusters/nope"))
			.andExpect(status().isNotFound())
			.andExpect(view().name(HomePageProblems.VIEW))
			.andExpect(content().string(containsString("There is no cluster named &#39;nope&#39;. There are: on.")));
		this.mvc.perform(get("/clusters/nope/events")).andExpect(status().isNotFound());
	}

	@Test
	void anyoneCanFollowTheEventStreamAndGetsEverySectionAtOnce() throws Exception {
		MvcResult result = this.mvc.perform(get("/clusters/on/events")).andExpect(request().asyncStarted()).andReturn();
		String stream = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getContentType()).startsWith("text/event-stream");
		assertThat(stream).contains("event:nodes", "event:accounts", "event:timeline", "event:traffic",
				"event:properties");
		// Every line of a section's HTML is a data line of its event, so the browser
		// gets it whole.
		assertThat(stream.lines().filter((line) -> !line.isEmpty()))
			.allMatch((line) -> line.startsWith("event:") || line.startsWith("data:"));
	}

	@Test
	void anAnonymousPostIsRefusedAndBreaksNothing() throws Exception {
		this.cluster.running.add("neo");
		this.mvc.perform(post("/clusters/on/nodes/neo/kill")).andExpect(status().isForbidden());
		this.mvc.perform(post("/clusters/on/nodes/neo/kill").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		assertThat(this.cluster.kills).isEmpty();
		assertThat(this.cluster.running).contains("neo");
	}

	@Test
	void aVisitorWhoIsNotTheOperatorIsRefused() throws Exception {
		this.cluster.running.add("neo");
		this.mvc.perform(post("/clusters/on/nodes/neo/kill").with(csrf()).with(user("visitor").roles("VISITOR")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/clusters/on/heal").with(csrf()).with(user("visitor").roles("VISITOR")))
			.andExpect(status().isForbidden());
		assertThat(this.cluster.kills).isEmpty();
	}

	@Test
	void theOperatorKillsANodeAndComesBackToTheDashboard() throws Exception {
		this.cluster.running.add("neo");
		this.mvc.perform(post("/clusters/on/nodes/neo/kill").with(csrf()).with(user("admin").roles("OPERATOR")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/clusters/on"))
			.andExpect(flash().attribute("chaosResult", new ChaosPageController.ChaosResult(true,
					"Neo was killed: its port closed, its Raft member is gone.")));
		assertThat(this.cluster.kills).containsExactly("neo");
	}

	@Test
	void withHtmxTheOperatorGetsTheAnswerAlone() throws Exception {
		this.cluster.running.add("trinity");
		this.mvc
			.perform(post("/clusters/on/nodes/trinity/kill").header("HX-Request", "true")
				.with(csrf())
				.with(user("admin").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"chaos-result-message\"")))
			.andExpect(content().string(containsString("Trinity was killed")))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(this.cluster.kills).containsExactly("trinity");
	}

	@Test
	void aRefusedActionIsAMessageNotAnErrorPage() throws Exception {
		this.cluster.running.add("neo");
		this.mvc
			.perform(post("/clusters/on/nodes/neo/revive").header("HX-Request", "true")
				.with(csrf())
				.with(user("admin").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-done=\"false\"")))
			.andExpect(content().string(containsString("Neo is running already.")));
		// Neo's port is closed, so the node cannot be asked to slow its links.
		MvcResult slow = this.mvc
			.perform(post("/clusters/on/nodes/neo/slow").with(csrf()).with(user("admin").roles("OPERATOR")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/clusters/on"))
			.andReturn();
		ChaosPageController.ChaosResult result = (ChaosPageController.ChaosResult) slow.getFlashMap()
			.get("chaosResult");
		assertThat(result.done()).isFalse();
		assertThat(result.message()).startsWith("The node did not answer");
	}

	@Test
	void anUnknownNodeOrActionIsANotFoundPage() throws Exception {
		this.mvc.perform(post("/clusters/on/nodes/smith/kill").with(csrf()).with(user("admin").roles("OPERATOR")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Cluster on has no node named &#39;smith&#39;.")));
		this.mvc.perform(post("/clusters/on/nodes/neo/explode").with(csrf()).with(user("admin").roles("OPERATOR")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("There is no chaos action &#39;explode&#39;.")));
	}

	@Test
	void htmxAndItsEventStreamExtensionAreServedToAnyone() throws Exception {
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("htmx")));
		this.mvc.perform(get("/webjars/htmx-ext-sse/sse.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("defineExtension('sse'")));
	}

	/**
	 * Not a {@code @TestConfiguration}: the home scans its whole package, and would pick
	 * this cluster up in every other test that starts a home.
	 */
	static class OneCluster {

		@Bean
		FakeCluster fakeCluster() {
			return new FakeCluster();
		}

		@Bean
		Clusters clusters(FakeCluster cluster) {
			return new Clusters(List.of(cluster));
		}

	}

	/**
	 * Cluster "on", whose nodes run only when a test says so, on ports nothing listens
	 * on.
	 */
	static class FakeCluster implements ClusterSupervisor {

		final Set<String> running = ConcurrentHashMap.newKeySet();

		final List<String> kills = new ArrayList<>();

		private final List<NodeAddress> nodes = List.of(node("morpheus", "#d1242f"), node("neo", "#1a7f37"),
				node("trinity", "#8250df"));

		private static NodeAddress node(String name, String color) {
			return new NodeAddress(name, URI.create("http://127.0.0.1:" + FreePorts.next()), color, 0);
		}

		URI url(String node) {
			return this.nodes.stream().filter((n) -> n.name().equals(node)).findFirst().orElseThrow().url();
		}

		@Override
		public String name() {
			return "on";
		}

		@Override
		public List<NodeAddress> nodes() {
			return this.nodes;
		}

		@Override
		public URI frontDoor() {
			return URI.create("http://127.0.0.1:1");
		}

		@Override
		public boolean isRunning(String node) {
			return this.running.contains(node);
		}

		@Override
		public synchronized void kill(String node) {
			this.kills.add(node);
			this.running.remove(node);
		}

		@Override
		public void revive(String node) {
			this.running.add(node);
		}

	}

}
