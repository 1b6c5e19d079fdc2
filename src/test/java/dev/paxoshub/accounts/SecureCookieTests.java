package dev.paxoshub.accounts;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.security.SignedInUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;

/** A site that says it is reached over https sends every cookie Secure. */
@NodeWebMvcTest(SignupController.class)
@TestPropertySource(properties = "paxoshub.public-url=https://paxoshub.example")
class SecureCookieTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountService accounts;

	@Autowired
	private UserDetailsService users;

	@Test
	void theCsrfAndSignInCookiesAreSecureAndSameSiteLax() throws Exception {
		given(this.users.loadUserByUsername("oracle")).willReturn(SignedInUser.account("oracle",
				new BCryptPasswordEncoder(4).encode("correct-horse"), "id-of-oracle", 0));
		this.mvc.perform(get("/login"))
			.andExpect(cookie().secure("XSRF-TOKEN", true))
			.andExpect(cookie().sameSite("XSRF-TOKEN", "Lax"));
		this.mvc.perform(post("/login").with(csrf()).param("username", "oracle").param("password", "correct-horse"))
			.andExpect(cookie().secure("paxoshub-signin", true))
			.andExpect(cookie().sameSite("paxoshub-signin", "Lax"));
	}

}
