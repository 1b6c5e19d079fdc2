package dev.paxoshub.web;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.accounts.AccountService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NodeWebMvcTest(HomeController.class)
class ErrorPathNotFoundTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountService accounts;

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "application/json", "*/*" })
	void askingForTheErrorPageItselfIsNotFound(String accept) throws Exception {
		this.mvc.perform(get("/error").header(HttpHeaders.ACCEPT, accept)).andExpect(status().isNotFound());
	}

}
