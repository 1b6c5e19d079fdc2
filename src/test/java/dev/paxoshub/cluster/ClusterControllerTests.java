package dev.paxoshub.cluster;

import java.util.List;
import java.util.Map;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.cluster.ClusterView.ClusterSnapshot;
import dev.paxoshub.cluster.ClusterView.NodeState;
import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.ConsensusToggle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@NodeWebMvcTest(ClusterController.class)
class ClusterControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ClusterView cluster;

	@MockitoBean
	private ConsensusToggle toggle;

	@BeforeEach
	void threeNodesThatAgree() {
		given(this.cluster.snapshot(false))
			.willReturn(new ClusterSnapshot("neo", List.of(node("morpheus", "Morpheus", "#d1242f"),
					node("neo", "Neo", "#1a7f37"), node("trinity", "Trinity", "#8250df")), List.of(), List.of()));
	}

	@ParameterizedTest
	@CsvSource({ "on, ON", "off, OFF", "On, ON", "OFF, OFF" })
	void theSwitchsOwnAnswerShowsTheNewMode(String switched, String shown) throws Exception {
		String banner = "Consensus is now " + shown + " on every node that answered.";
		this.mvc.perform(get("/cluster").param("switched", switched))
			.andExpect(status().isOk())
			.andExpect(view().name("cluster/cluster"))
			.andExpect(model().attribute("toggleResult", banner))
			.andExpect(content().string(containsString(banner)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "onn", "of", "maybe", "ON on every node. Your account is suspended, call 555-0100.",
			"<b>ON</b>" })
	void anythingElseInTheAddressShowsNoBanner(String switched) throws Exception {
		this.mvc.perform(get("/cluster").param("switched", switched))
			.andExpect(status().isOk())
			.andExpect(model().attributeDoesNotExist("toggleResult"))
			.andExpect(content().string(allOf(not(containsString("id=\"toggle-result\"")),
					not(containsString("Consensus is now")), not(containsString("555-0100")))));
	}

	@Test
	void turningConsensusOnComesBackWithTheBanner() throws Exception {
		given(this.toggle.switchCluster(ConsensusMode.ON))
			.willReturn(new ConsensusToggle.Result(ConsensusMode.ON, Map.of("neo", "switched"), List.of()));

		this.mvc
			.perform(post("/cluster/consensus").with(csrf()).with(user("admin").roles("OPERATOR")).param("mode", "ON"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/cluster?switched=on"));
		then(this.toggle).should().switchCluster(ConsensusMode.ON);
	}

	@Test
	void theClusterPageIsPaintedByClassesAlone() throws Exception {
		this.mvc.perform(get("/cluster"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/assets/nodes.css\""),
					containsString("<section class=\"node-card node-trinity\" id=\"node-trinity\""),
					containsString("class=\"node-pill node-neo\""), not(matchesPattern("(?s).*\\sstyle=.*")),
					not(matchesPattern("(?s).*<script(?![^>]*\\ssrc=).*")))));
	}

	private static NodeState node(String name, String displayName, String color) {
		return new NodeState(name, displayName, color, "http://127.0.0.1:8082", true, null, null, List.of());
	}

}
