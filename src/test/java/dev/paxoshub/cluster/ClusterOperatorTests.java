package dev.paxoshub.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.cluster.ClusterView.AccountRow;
import dev.paxoshub.cluster.ClusterView.ClusterSnapshot;
import dev.paxoshub.cluster.ClusterView.NodeState;
import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusMode;
import dev.paxoshub.consensus.ConsensusStatus;
import dev.paxoshub.consensus.ConsensusToggle;
import dev.paxoshub.security.SignedInUser;
import dev.paxoshub.store.AccountRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The consensus switch is the operator's, on the page and in the API; everybody else is
 * refused with a sentence and nothing is switched. Emails are private: only the
 * operator's views show them.
 */
@NodeWebMvcTest({ ClusterController.class, ClusterApiController.class, NodeAccountsApiController.class })
class ClusterOperatorTests {

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

	private static final AccountRecord PAXOSEXPERT = new AccountRecord("id-1", "paxosexpert", "p@example.org",
			"morpheus", Instant.parse("2026-03-03T10:15:30Z"), Instant.parse("2026-03-03T10:15:30Z"), 1, "morpheus", 0,
			List.of(), false);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ClusterView cluster;

	@MockitoBean
	private ConsensusToggle toggle;

	@Autowired
	private Consensus consensus;

	@Autowired
	private UserDetailsService users;

	@BeforeEach
	void aClusterWithOneAccount() {
		given(this.consensus.status()).willReturn(ConsensusStatus.withoutRaft(ConsensusMode.OFF, "local", true));
		given(this.cluster.own()).willReturn(new NodeAccounts("neo",
				ConsensusStatus.withoutRaft(ConsensusMode.OFF, "local", true), List.of(PAXOSEXPERT)));
		given(this.cluster.snapshot(anyBoolean())).willAnswer((invocation) -> snapshot(invocation.getArgument(0)));
		given(this.users.loadUserByUsername("cypher"))
			.willReturn(SignedInUser.account("cypher", BCRYPT.encode("correct-horse"), "id-2", 0));
		given(this.toggle.switchCluster(any()))
			.willReturn(new ConsensusToggle.Result(ConsensusMode.ON, Map.of("neo", "switched"), List.of()));
	}

	@Test
	void anonymousCallersOfTheApiSwitchAreAskedForTheOperator() throws Exception {
		this.mvc
			.perform(put("/api/cluster/consensus").contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"on\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail")
				.value("Only the operator can switch consensus. Sign in with HTTP Basic as the operator to do this."));
		then(this.toggle).should(never()).switchCluster(any());
	}

	@Test
	void aSignedInUserWhoIsNotTheOperatorIsForbiddenTheApiSwitch() throws Exception {
		this.mvc
			.perform(put("/api/cluster/consensus").with(httpBasic("cypher", "correct-horse"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\":\"on\"}"))
			.andExpect(status().isForbidden())
			.andExpect(
					jsonPath("$.detail").value("Only the operator can switch consensus; cypher is not the operator."))
			.andExpect(jsonPath("$.node").value("neo"));
		then(this.toggle).should(never()).switchCluster(any());
	}

	@Test
	void theOperatorSwitchesThroughTheApi() throws Exception {
		this.mvc
			.perform(put("/api/cluster/consensus").with(user("admin").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\":\"on\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mode").value("ON"));
		then(this.toggle).should().switchCluster(ConsensusMode.ON);
	}

	@Test
	void thePageSwitchIsTheOperatorsToo() throws Exception {
		this.mvc.perform(post("/cluster/consensus").with(csrf()).param("mode", "ON"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/cluster/consensus").with(csrf()).with(user("cypher").roles("USER")).param("mode", "ON"))
			.andExpect(status().isForbidden());
		then(this.toggle).should(never()).switchCluster(any());
		this.mvc
			.perform(post("/cluster/consensus").with(csrf()).with(user("admin").roles("OPERATOR")).param("mode", "ON"))
			.andExpect(status().isFound());
		then(this.toggle).should().switchCluster(ConsensusMode.ON);
	}

	@Test
	void aVisitorSeesTheSwitchLockedWithAWayToSignInAndNoEmails() throws Exception {
		this.mvc.perform(get("/cluster"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"consensus-locked\"")))
			.andExpect(content().string(containsString("Only the operator can switch consensus.")))
			.andExpect(content().string(not(containsString("id=\"consensus-toggle\""))))
			.andExpect(content().string(not(containsString("p@example.org"))));
	}

	@Test
	void theOperatorSeesTheSwitchAndTheEmails() throws Exception {
		this.mvc.perform(get("/cluster").with(user("admin").roles("OPERATOR")))
			.andExpect(content().string(containsString("id=\"consensus-toggle\"")))
			.andExpect(content().string(not(containsString("id=\"consensus-locked\""))))
			.andExpect(content().string(containsString("p@example.org")));
	}

	@Test
	void theJsonViewsOfTheClusterShowEmailsToTheOperatorOnly() throws Exception {
		this.mvc.perform(get("/api/cluster"))
			.andExpect(jsonPath("$.nodes[0].accounts[0].username").value("paxosexpert"))
			.andExpect(jsonPath("$.nodes[0].accounts[0].email").doesNotExist());
		this.mvc.perform(get("/api/cluster").with(httpBasic("cypher", "correct-horse")))
			.andExpect(jsonPath("$.nodes[0].accounts[0].email").doesNotExist());
		this.mvc.perform(get("/api/cluster").with(user("admin").roles("OPERATOR")))
			.andExpect(jsonPath("$.nodes[0].accounts[0].email").value("p@example.org"));

		this.mvc.perform(get("/api/node/accounts"))
			.andExpect(jsonPath("$.accounts[0].id").value("id-1"))
			.andExpect(jsonPath("$.accounts[0].originNode").value("morpheus"))
			.andExpect(jsonPath("$.accounts[0].email").doesNotExist())
			.andExpect(content().string(not(containsString("p@example.org"))));
		this.mvc.perform(get("/api/node/accounts").with(user("admin").roles("OPERATOR")))
			.andExpect(jsonPath("$.accounts[0].email").value("p@example.org"));
	}

	private static ClusterSnapshot snapshot(boolean withEmails) {
		AccountRow row = AccountRow.of(PAXOSEXPERT, Set.of(), withEmails);
		return new ClusterSnapshot("neo",
				List.of(new NodeState("neo", "Neo", "#1a7f37", "http://127.0.0.1:8082", true, null,
						ConsensusStatus.withoutRaft(ConsensusMode.OFF, "local", true), List.of(row))),
				List.of(), List.of());
	}

}
