package dev.paxoshub.accounts;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.security.SecurityConfiguration;
import dev.paxoshub.security.SignedInUser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in, by the form and by HTTP Basic, against the node's real security: passwords
 * BCrypt would cut short are refused, failed tries are throttled per account and per
 * client address, and every answer carries the security headers.
 */
@NodeWebMvcTest(SignupController.class)
// A context of its own: Spring Security's csrf() test helper swaps the CSRF repository of
// the
// context it is used in, and this class checks the real one's cookie.
// An address gets a try back every minute here (six seconds by default), so that a slow
// machine's twenty tries cannot earn one back before the twenty-first.
@TestPropertySource(properties = { "paxoshub.sign-in.failures-per-account=5", "paxoshub.sign-in.address-refill=60s" })
class SignInTests {

	private static final String PASSWORD = "correct-horse-battery";

	private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountService accounts;

	@Autowired
	private UserDetailsService users;

	@BeforeEach
	void consensusIsOffAndTheAccountsExist() {
		given(this.users.loadUserByUsername(anyString())).willAnswer((invocation) -> {
			String name = invocation.getArgument(0);
			if (name.startsWith("nobody")) {
				throw new UsernameNotFoundException(name);
			}
			String password = name.equals("long") ? "x".repeat(72) : PASSWORD;
			return SignedInUser.account(name, BCRYPT.encode(password), "id-of-" + name, 0);
		});
	}

	@Test
	void theRightPasswordSignsInAndLandsOnTheProfile() throws Exception {
		signIn("oracle", PASSWORD, "127.0.0.1").andExpect(status().isFound())
			.andExpect(redirectedUrl("/oracle"))
			.andExpect(cookie().exists("paxoshub-signin"));
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsRefusedEvenWhenItsFirstSeventyTwoBytesAreRight() throws Exception {
		signIn("long", "x".repeat(72) + "anything", "127.0.0.2").andExpect(redirectedUrl("/login?error"))
			.andExpect(cookie().maxAge("paxoshub-signin", 0));
		signIn("long", "x".repeat(72), "127.0.0.2").andExpect(redirectedUrl("/long"));
	}

	@Test
	void afterFiveWrongPasswordsTheAccountMustWaitEvenWithTheRightOne() throws Exception {
		for (int i = 0; i < 5; i++) {
			signIn("trinity", "wrong-" + i, "127.0.0.3").andExpect(redirectedUrl("/login?error"))
				.andExpect(cookie().maxAge("paxoshub-signin", 0));
		}
		signIn("trinity", PASSWORD, "127.0.0.3").andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(cookie().maxAge("paxoshub-signin", 0))
			.andExpect(forwardedUrl(SecurityConfiguration.THROTTLED_LOGIN_PAGE))
			.andExpect(request().attribute(SecurityConfiguration.THROTTLED_MESSAGE,
					"Too many failed sign-ins. Try again in 30 seconds."));
		// From another address too: the limit is the account's.
		signIn("trinity", PASSWORD, "127.0.0.4").andExpect(status().isTooManyRequests());
		// Other accounts are not held up.
		signIn("switch", PASSWORD, "127.0.0.3").andExpect(redirectedUrl("/switch"));
	}

	@Test
	void aThrottledSignInGetsTheFormBackSayingWhenToTryAgain() throws Exception {
		this.mvc
			.perform(get(SecurityConfiguration.THROTTLED_LOGIN_PAGE).requestAttr(
					SecurityConfiguration.THROTTLED_MESSAGE, "Too many failed sign-ins. Try again in 30 seconds."))
			.andExpect(content().string(containsString("id=\"login-form\"")))
			.andExpect(content().string(containsString("Too many failed sign-ins. Try again in 30 seconds.")));
	}

	@Test
	void oneAddressTryingManyAccountsIsThrottledAfterTwentyFailures() throws Exception {
		for (int i = 0; i < 20; i++) {
			signIn("nobody" + i, "wrong", "127.0.0.5").andExpect(redirectedUrl("/login?error"));
		}
		// Up to a minute: one try comes back every minute, and the twenty took a moment.
		signIn("apoc", PASSWORD, "127.0.0.5").andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", matchesPattern("[1-5]?[0-9]|60")));
		signIn("apoc", PASSWORD, "127.0.0.6").andExpect(redirectedUrl("/apoc"));
	}

	@Test
	void httpBasicOnTheApiIsThrottledTheSameWayWithAProblem() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(put("/api/accounts/tank/profile").with(httpBasic("tank", "wrong-" + i)))
				.andExpect(status().isUnauthorized());
		}
		this.mvc.perform(put("/api/accounts/tank/profile").with(httpBasic("tank", PASSWORD)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(jsonPath("$.detail").value("Too many failed sign-ins. Try again in 30 seconds."))
			.andExpect(jsonPath("$.node").value("neo"));
	}

	@Test
	void pagesAndTheApiCarryAStrictContentSecurityPolicyAndThePrivacyHeaders() throws Exception {
		for (String path : new String[] { "/login", "/api/accounts/oracle" }) {
			this.mvc.perform(get(path))
				.andExpect(header().string("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
								+ "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"))
				.andExpect(header().string("Referrer-Policy", "same-origin"))
				.andExpect(header().string("Permissions-Policy", containsString("camera=()")))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		}
	}

	@Test
	void everyCookieIsSameSiteLaxAndNotSecureOverPlainHttp() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(cookie().sameSite("XSRF-TOKEN", "Lax"))
			.andExpect(cookie().secure("XSRF-TOKEN", false));
		signIn("oracle", PASSWORD, "127.0.0.7").andExpect(cookie().sameSite("paxoshub-signin", "Lax"))
			.andExpect(cookie().httpOnly("paxoshub-signin", true))
			.andExpect(cookie().secure("paxoshub-signin", false));
	}

	/**
	 * As a browser does it: the form's CSRF token from the page, its cookie alongside.
	 */
	private ResultActions signIn(String username, String password, String address) throws Exception {
		MockHttpServletResponse form = this.mvc.perform(get("/login")).andReturn().getResponse();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.getContentAsString());
		assertThat(token.find()).as("the sign-in form's CSRF field").isTrue();
		return this.mvc.perform(post("/login").cookie(form.getCookie("XSRF-TOKEN")).with((request) -> {
			request.setRemoteAddr(address);
			return request;
		}).param("_csrf", token.group(1)).param("username", username).param("password", password));
	}

}
