package dev.paxoshub.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.consensus.UsernameTakenException;
import dev.paxoshub.security.SignedInUser;
import dev.paxoshub.store.Account;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import static dev.paxoshub.FormErrors.onlyFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@NodeWebMvcTest(SignupController.class)
class SignupControllerTests {

	private static final String SIGN_IN_COOKIE = "paxoshub-signin";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountService accounts;

	@Autowired
	private UserDetailsService users;

	@Test
	void joinShowsAnEmptySignUpFormWithItsCsrfTokenAndTheServingNode() throws Exception {
		this.mvc.perform(get("/join"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/signup"))
			.andExpect(model().attribute("signupForm", instanceOf(SignupForm.class)))
			.andExpect(model().attribute("currentUser", (Object) null))
			.andExpect(header().string("X-Paxoshub-Served-By", "neo"))
			.andExpect(cookie().exists("XSRF-TOKEN"))
			.andExpect(content().string(containsString("id=\"signup-form\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("Served by Neo")));
	}

	@Test
	void signingUpCreatesTheAccountSignsThePersonInAndShowsTheirProfile() throws Exception {
		given(this.accounts.signUp(any())).willAnswer((invocation) -> account("paxosexpert"));
		given(this.users.loadUserByUsername("paxosexpert")).willReturn(user("paxosexpert"));

		MvcResult result = this.mvc
			.perform(post("/join").with(csrf())
				.param("username", "  paxosexpert ")
				.param("email", " paxos@example.com ")
				.param("password", "correct horse battery"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/paxosexpert"))
			.andExpect(cookie().exists(SIGN_IN_COOKIE))
			.andExpect(cookie().httpOnly(SIGN_IN_COOKIE, true))
			.andExpect(cookie().maxAge(SIGN_IN_COOKIE, (int) Duration.ofDays(14).toSeconds()))
			.andReturn();

		ArgumentCaptor<SignupForm> form = ArgumentCaptor.forClass(SignupForm.class);
		then(this.accounts).should().signUp(form.capture());
		assertThat(form.getValue().getUsername()).isEqualTo("paxosexpert");
		assertThat(form.getValue().getEmail()).isEqualTo("paxos@example.com");
		assertThat(form.getValue().getPassword()).isEqualTo("correct horse battery");
		String token = new String(Base64.getDecoder().decode(result.getResponse().getCookie(SIGN_IN_COOKIE).getValue()),
				StandardCharsets.UTF_8);
		assertThat(token).startsWith("paxosexpert:id-of-paxosexpert:")
			.satisfies((t) -> assertThat(t.split(":")).hasSize(5));
	}

	@Test
	void theSignInCookieFromSignUpSignsThePersonInOnTheirNextRequest() throws Exception {
		given(this.accounts.signUp(any())).willAnswer((invocation) -> account("paxosexpert"));
		given(this.users.loadUserByUsername("paxosexpert")).willReturn(user("paxosexpert"));
		Cookie signIn = this.mvc
			.perform(post("/join").with(csrf())
				.param("username", "paxosexpert")
				.param("email", "paxos@example.com")
				.param("password", "correct horse battery"))
			.andReturn()
			.getResponse()
			.getCookie(SIGN_IN_COOKIE);

		this.mvc.perform(get("/join").cookie(signIn))
			.andExpect(status().isOk())
			.andExpect(model().attribute("currentUser", "paxosexpert"))
			.andExpect(content().string(containsString("id=\"nav-profile\"")));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			""                                        | Choose a username.
			-paxos                                    | A username cannot begin or end with a hyphen.
			paxos-                                    | A username cannot begin or end with a hyphen.
			a--b                                      | A username cannot contain two hyphens in a row.
			paxos_expert                              | A username may contain only letters (a-z), digits and hyphens.
			"paxos expert"                            | A username may contain only letters (a-z), digits and hyphens.
			${7*7}                                    | A username may contain only letters (a-z), digits and hyphens.
			abcdefghijabcdefghijabcdefghijabcdefghij  | A username can have at most 39 characters.
			""")
	void aUsernameThatBreaksARuleGivesTheFormBackWithThatRule(String username, String message) throws Exception {
		this.mvc
			.perform(post("/join").with(csrf())
				.param("username", username)
				.param("email", "paxos@example.com")
				.param("password", "correct horse battery"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/signup"))
			.andExpect(onlyFieldError("signupForm", "username", message))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(message))))
			.andExpect(cookie().doesNotExist(SIGN_IN_COOKIE));
		then(this.accounts).should(never()).signUp(any());
	}

	@ParameterizedTest
	@ValueSource(strings = { "login", "Cluster", "settings", "api" })
	void aReservedUsernameGivesTheFormBackNamingTheReservedWord(String username) throws Exception {
		this.mvc
			.perform(post("/join").with(csrf())
				.param("username", username)
				.param("email", "paxos@example.com")
				.param("password", "correct horse battery"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/signup"))
			.andExpect(onlyFieldError("signupForm", "username",
					"'" + username + "' is reserved by paxoshub. Choose another username."))
			.andExpect(content().string(containsString("id=\"username-error\"")));
		then(this.accounts).should(never()).signUp(any());
	}

	/*
	 * Without a messages.properties Spring formats validation messages with
	 * MessageFormat, where a single quote is an escape character, and the page would lose
	 * the quotes the API keeps.
	 */
	@Test
	void aReservedUsernameIsQuotedOnThePageAsTheRuleWroteIt() throws Exception {
		this.mvc
			.perform(post("/join").with(csrf())
				.param("username", "login")
				.param("email", "paxos@example.com")
				.param("password", "correct horse battery"))
			.andExpect(content().string(
					containsString(HtmlUtils.htmlEscape("'login' is reserved by paxoshub. Choose another username."))));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					''                                         | Choose a password.
					short                                      | A password needs at least 8 characters.
					1234567                                    | A password needs at least 8 characters.
					ééééééééééééééééééééééééééééééééééééé      | A password can have at most 72 bytes (fewer characters if it has accents or emoji).
					""")
	void aPasswordThatBreaksARuleGivesTheFormBackWithThatRule(String password, String message) throws Exception {
		this.mvc
			.perform(post("/join").with(csrf())
				.param("username", "paxosexpert")
				.param("email", "paxos@example.com")
				.param("password", password))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/signup"))
			.andExpect(onlyFieldError("signupForm", "password", message))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(message))));
		then(this.accounts).should(never()).signUp(any());
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			''                | Enter an email address.
			'   '             | Enter an email address.
			paxos-at-example  | Enter a valid email address, like you@example.com.
			paxos@@example    | Enter a valid email address, like you@example.com.
			""")
	void anEmailAddressThatIsMissingOrMalformedGivesTheFormBack(String email, String message) throws Exception {
		this.mvc
			.perform(post("/join").with(csrf())
				.param("username", "paxosexpert")
				.param("email", email)
				.param("password", "correct horse battery"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/signup"))
			.andExpect(onlyFieldError("signupForm", "email", message))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(message))));
		then(this.accounts).should(never()).signUp(any());
	}

	/* The email rule lets characters from U+0080 up through, C1 controls included. */
	@Test
	void anEmailAddressWithAControlCharacterGivesTheFormBack() throws Exception {
		this.mvc
			.perform(post("/join").with(csrf())
				.param("username", "paxosexpert")
				.param("email", "paxos\u0085@example.com")
				.param("password", "correct horse battery"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/signup"))
			.andExpect(onlyFieldError("signupForm", "email",
					"An email address cannot contain control characters or invalid Unicode."));
		then(this.accounts).should(never()).signUp(any());
	}

	@Test
	void aTakenUsernameGivesTheFormBackAndSignsNobodyIn() throws Exception {
		willThrow(new UsernameTakenException("paxosexpert")).given(this.accounts).signUp(any());

		this.mvc
			.perform(post("/join").with(csrf())
				.param("username", "paxosexpert")
				.param("email", "paxos@example.com")
				.param("password", "correct horse battery"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/signup"))
			.andExpect(onlyFieldError("signupForm", "username", "Username paxosexpert is already taken."))
			.andExpect(content().string(containsString("Username paxosexpert is already taken.")))
			.andExpect(cookie().doesNotExist(SIGN_IN_COOKIE));
		then(this.users).should(never()).loadUserByUsername(anyString());
	}

	@Test
	void signingUpWithoutACsrfTokenIsForbidden() throws Exception {
		this.mvc
			.perform(post("/join").param("username", "paxosexpert")
				.param("email", "paxos@example.com")
				.param("password", "correct horse battery"))
			.andExpect(status().isForbidden())
			.andExpect(cookie().doesNotExist(SIGN_IN_COOKIE));
		then(this.accounts).should(never()).signUp(any());
	}

	@Test
	void signingUpWithAForgedCsrfTokenIsForbidden() throws Exception {
		this.mvc
			.perform(post("/join").with(csrf().useInvalidToken())
				.param("username", "paxosexpert")
				.param("email", "paxos@example.com")
				.param("password", "correct horse battery"))
			.andExpect(status().isForbidden());
		then(this.accounts).should(never()).signUp(any());
	}

	@Test
	void loginShowsTheSignInForm() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/login"))
			.andExpect(content().string(containsString("id=\"login-form\"")))
			.andExpect(content().string(not(containsString("Incorrect username or password."))));
	}

	private static Account account(String username) {
		return Account.create(username, "paxos@example.com", "{noop}correct horse battery", "neo",
				Instant.parse("2026-03-03T10:15:30Z"));
	}

	private static User user(String username) {
		return SignedInUser.account(username, "{noop}correct horse battery", "id-of-" + username, 0);
	}

}
