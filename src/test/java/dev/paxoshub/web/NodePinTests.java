package dev.paxoshub.web;

import java.time.Duration;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.node.SiteCookies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// Named, because the search upwards from this package would find NodeApplication, the whole node.
@NodeWebMvcTest(NodePin.class)
class NodePinTests {

	private static final int THIRTY_DAYS = (int) Duration.ofDays(30).toSeconds();

	@Autowired
	private MockMvc mvc;

	@Test
	void pinningANodeSetsTheCookieTheFrontDoorReadsAndGoesBackToThePage() throws Exception {
		this.mvc
			.perform(post("/pin").with(csrf())
				.param("node", "trinity")
				.header(HttpHeaders.REFERER, "http://localhost:8080/paxosexpert/hello"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/paxosexpert/hello"))
			.andExpect(cookie().value(SiteCookies.PIN, "trinity"))
			.andExpect(cookie().path(SiteCookies.PIN, "/"))
			.andExpect(cookie().sameSite(SiteCookies.PIN, "Lax"))
			.andExpect(cookie().maxAge(SiteCookies.PIN, THIRTY_DAYS));
	}

	@Test
	void theCookieCarriesTheLayoutsSpellingOfTheName() throws Exception {
		this.mvc.perform(post("/pin").with(csrf()).param("node", "NEO"))
			.andExpect(status().isSeeOther())
			.andExpect(cookie().value(SiteCookies.PIN, "neo"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "auto", "smith", "" })
	void anythingButAKnownNodeClearsThePin(String node) throws Exception {
		this.mvc.perform(post("/pin").with(csrf()).param("node", node))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/"))
			.andExpect(cookie().value(SiteCookies.PIN, ""))
			.andExpect(cookie().maxAge(SiteCookies.PIN, 0))
			.andExpect(cookie().path(SiteCookies.PIN, "/"))
			.andExpect(cookie().sameSite(SiteCookies.PIN, "Lax"));
	}

	@ParameterizedTest
	@CsvSource({ "https://elsewhere.example/cluster, /cluster", "http://localhost//elsewhere.example/x, /",
			"'not a uri', /", "mailto:someone@example.org, /" })
	void theWayBackNeverLeavesTheSite(String referer, String back) throws Exception {
		this.mvc.perform(post("/pin").with(csrf()).param("node", "neo").header(HttpHeaders.REFERER, referer))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl(back));
	}

	@Test
	void pinningWithoutACsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/pin").param("node", "neo"))
			.andExpect(status().isForbidden())
			.andExpect(cookie().doesNotExist(SiteCookies.PIN));
	}

	@Test
	void aLinkCannotPinANode() throws Exception {
		this.mvc.perform(get("/pin").param("node", "neo"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(cookie().doesNotExist(SiteCookies.PIN));
		this.mvc.perform(get("/pin/neo"))
			.andExpect(status().isNotFound())
			.andExpect(cookie().doesNotExist(SiteCookies.PIN));
	}

}
