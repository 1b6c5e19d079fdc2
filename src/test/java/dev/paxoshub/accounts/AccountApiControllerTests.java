package dev.paxoshub.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.consensus.UsernameTakenException;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.Avatar;
import dev.paxoshub.store.Repo;
import dev.paxoshub.support.Images;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NodeWebMvcTest(AccountApiController.class)
class AccountApiControllerTests {

	private static final Instant CREATED = Instant.parse("2026-03-03T10:15:30Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountService accounts;

	@Autowired
	private UserDetailsService users;

	@Test
	void signingUpCreatesTheAccount() throws Exception {
		given(this.accounts.signUp(any())).willReturn(paxosExpert());

		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "paxosexpert", "email": "paxos@example.com", "password": "correct horse battery"}
				"""))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/accounts/paxosexpert"))
			.andExpect(header().string("X-Paxoshub-Served-By", "neo"))
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.username").value("paxosexpert"))
			.andExpect(jsonPath("$.originNode").value("neo"))
			.andExpect(jsonPath("$.revision").value(1))
			.andExpect(jsonPath("$.createdAt").value("2026-03-03T10:15:30Z"))
			.andExpect(jsonPath("$.repos", hasSize(0)))
			.andExpect(jsonPath("$.email").doesNotExist())
			.andExpect(jsonPath("$.passwordHash").doesNotExist());

		ArgumentCaptor<SignupForm> form = ArgumentCaptor.forClass(SignupForm.class);
		then(this.accounts).should().signUp(form.capture());
		assertThat(form.getValue().getUsername()).isEqualTo("paxosexpert");
		assertThat(form.getValue().getEmail()).isEqualTo("paxos@example.com");
		assertThat(form.getValue().getPassword()).isEqualTo("correct horse battery");
	}

	@Test
	void invalidFieldsAreAProblemWithOneEntryPerBrokenRule() throws Exception {
		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "login", "email": "not-an-email", "password": "short"}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("X-Paxoshub-Served-By", "neo"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.node").value("neo"))
			.andExpect(jsonPath("$.errors").value(containsInAnyOrder(
					Map.of("field", "username", "message", "'login' is reserved by paxoshub. Choose another username."),
					Map.of("field", "email", "message", "Enter a valid email address, like you@example.com."),
					Map.of("field", "password", "message", "A password needs at least 8 characters."))))
			.andExpect(jsonPath("$.detail").value(oneOf("'login' is reserved by paxoshub. Choose another username.",
					"Enter a valid email address, like you@example.com.", "A password needs at least 8 characters.")));
		then(this.accounts).should(never()).signUp(any());
	}

	@Test
	void missingFieldsAreAProblemToo() throws Exception {
		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors")
				.value(containsInAnyOrder(Map.of("field", "username", "message", "Choose a username."),
						Map.of("field", "email", "message", "Enter an email address."),
						Map.of("field", "password", "message", "Choose a password."))));
		then(this.accounts).should(never()).signUp(any());
	}

	@Test
	void aUsernameQuotingAnExpressionIsReportedLiterally() throws Exception {
		// A reserved-name message quotes the input; the constraint must not evaluate it.
		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "${1+1}", "email": "paxos@example.com", "password": "correct horse battery"}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("username"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("A username may contain only letters (a-z), digits and hyphens."));
	}

	@Test
	void aTakenUsernameIsAConflict() throws Exception {
		willThrow(new UsernameTakenException("paxosexpert")).given(this.accounts).signUp(any());

		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "paxosexpert", "email": "paxos@example.com", "password": "correct horse battery"}
				"""))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").value("Username paxosexpert is already taken."))
			.andExpect(jsonPath("$.node").value("neo"));
	}

	@Test
	void malformedJsonIsABadRequestProblem() throws Exception {
		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("{\"username\": "))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The request body is missing or is not valid JSON."))
			.andExpect(jsonPath("$.node").value("neo"));
		then(this.accounts).should(never()).signUp(any());
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "1e999999", "true" })
	void aUsernameThatIsNotTextIsAProblemNamingTheField(String username) throws Exception {
		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("""
				{"username": %s, "email": "paxos@example.com", "password": "correct horse battery"}
				""".formatted(username)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("username must be text, in double quotes."))
			.andExpect(jsonPath("$.errors[0].field").value("username"))
			.andExpect(jsonPath("$.node").value("neo"));
		then(this.accounts).should(never()).signUp(any());
	}

	@Test
	void aFieldSentTwiceIsAProblemRatherThanTheLastOneWinning() throws Exception {
		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "trinity", "username": "paxosexpert", "email": "paxos@example.com",
				 "password": "correct horse battery"}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("username appears more than once; send each field once."))
			.andExpect(jsonPath("$.errors[0].field").value("username"));
		then(this.accounts).should(never()).signUp(any());
	}

	@Test
	void anUnknownFieldIsAProblemNamingItAndTheFieldsThereAre() throws Exception {
		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "paxosexpert", "email": "paxos@example.com", "password": "correct horse battery",
				 "admin": true}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value("admin is not a field of this request; it has email, password, username."))
			.andExpect(jsonPath("$.errors[0].field").value("admin"));
		then(this.accounts).should(never()).signUp(any());
	}

	@Test
	void anUnknownFieldOfAProfileIsAProblemToo() throws Exception {
		this.mvc
			.perform(put("/api/accounts/paxosexpert/profile").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"displayName\": \"Paxos Expert\", \"nickname\": \"px\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("nickname is not a field of this request; it has bio, displayName."));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void aBodyOverFiveHundredTwelveKilobytesIsContentTooLarge() throws Exception {
		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "paxosexpert", "email": "paxos@example.com", "password": "correct horse battery",
				 "padding": "%s"}
				""".formatted("x".repeat(5 * 1024 * 1024))))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(413))
			.andExpect(jsonPath("$.detail").value("A request body can be at most 512 KB; this one is 5.0 MB."))
			.andExpect(jsonPath("$.node").value("neo"));
		then(this.accounts).should(never()).signUp(any());
	}

	@Test
	void aMissingBodyIsABadRequestProblem() throws Exception {
		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The request body is missing or is not valid JSON."));
	}

	@Test
	void anyoneCanReadAnAccountWithItsRepositories() throws Exception {
		Account account = paxosExpert();
		account.addRepo(new Repo("hello-world", "My first", "# Hi", CREATED));
		given(this.accounts.require("paxosexpert")).willReturn(account);

		this.mvc.perform(get("/api/accounts/paxosexpert"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(account.getId()))
			.andExpect(jsonPath("$.username").value("paxosexpert"))
			.andExpect(jsonPath("$.avatarUrl").doesNotExist())
			.andExpect(jsonPath("$.repos[0].name").value("hello-world"))
			.andExpect(jsonPath("$.repos[0].description").value("My first"));
	}

	@Test
	void theEmailIsShownToTheOwnerAndTheOperatorOnly() throws Exception {
		given(this.accounts.require("paxosexpert")).willReturn(paxosExpert());
		given(this.users.loadUserByUsername("paxosexpert"))
			.willAnswer((invocation) -> basicUser("paxosexpert", "correct horse battery"));
		given(this.users.loadUserByUsername("cypher"))
			.willAnswer((invocation) -> basicUser("cypher", "correct horse battery"));

		this.mvc.perform(get("/api/accounts/paxosexpert")).andExpect(jsonPath("$.email").doesNotExist());
		this.mvc.perform(get("/api/accounts/paxosexpert").with(httpBasic("cypher", "correct horse battery")))
			.andExpect(jsonPath("$.email").doesNotExist());
		this.mvc.perform(get("/api/accounts/paxosexpert").with(httpBasic("paxosexpert", "correct horse battery")))
			.andExpect(jsonPath("$.email").value("paxos@example.com"));
		this.mvc.perform(get("/api/accounts/paxosexpert").with(user("admin").roles("OPERATOR")))
			.andExpect(jsonPath("$.email").value("paxos@example.com"));
	}

	@Test
	void theOwnerChangesTheirPasswordWithTheCurrentOne() throws Exception {
		given(this.users.loadUserByUsername("paxosexpert"))
			.willReturn(basicUser("paxosexpert", "correct horse battery"));

		this.mvc
			.perform(put("/api/accounts/paxosexpert/password").with(httpBasic("paxosexpert", "correct horse battery"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"correct horse battery\",\"newPassword\":\"a-new-long-password\"}"))
			.andExpect(status().isNoContent());
		then(this.accounts).should().changePassword("paxosexpert", "correct horse battery", "a-new-long-password");
	}

	@Test
	void aWrongCurrentPasswordOrAWeakNewOneChangesNothing() throws Exception {
		// A fresh user each time: a successful sign-in erases the password of the one it
		// checked.
		given(this.users.loadUserByUsername("paxosexpert"))
			.willAnswer((invocation) -> basicUser("paxosexpert", "correct horse battery"));
		willThrow(new WrongPasswordException()).given(this.accounts)
			.changePassword("paxosexpert", "not it at all", "a-new-long-password");

		this.mvc
			.perform(put("/api/accounts/paxosexpert/password").with(httpBasic("paxosexpert", "correct horse battery"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"not it at all\",\"newPassword\":\"a-new-long-password\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("That is not your current password. Nothing was changed."));
		this.mvc
			.perform(put("/api/accounts/paxosexpert/password").with(httpBasic("paxosexpert", "correct horse battery"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"correct horse battery\",\"newPassword\":\"short\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newPassword"))
			.andExpect(jsonPath("$.errors[0].message").value("A password needs at least 8 characters."));
		then(this.accounts).should(never()).changePassword(anyString(), anyString(), eq("short"));
	}

	@Test
	void nobodyChangesSomeoneElsesPassword() throws Exception {
		given(this.users.loadUserByUsername("cypher")).willReturn(basicUser("cypher", "correct horse battery"));

		this.mvc
			.perform(put("/api/accounts/paxosexpert/password").contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"x\",\"newPassword\":\"a-new-long-password\"}"))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(put("/api/accounts/paxosexpert/password").with(httpBasic("cypher", "correct horse battery"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"x\",\"newPassword\":\"a-new-long-password\"}"))
			.andExpect(status().isForbidden());
		then(this.accounts).should(never()).changePassword(anyString(), anyString(), anyString());
	}

	@Test
	void anUnknownAccountIsANotFoundProblem() throws Exception {
		given(this.accounts.require("ghost")).willThrow(new AccountNotFoundException("ghost"));

		this.mvc.perform(get("/api/accounts/ghost"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("X-Paxoshub-Served-By", "neo"))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("There is no account named ghost on this node."))
			.andExpect(jsonPath("$.node").value("neo"));
	}

	@Test
	void changingAProfileWithoutCredentialsAsksForThem() throws Exception {
		this.mvc
			.perform(put("/api/accounts/paxosexpert/profile").contentType(MediaType.APPLICATION_JSON)
				.content("{\"displayName\": \"Mallory\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"paxoshub\""))
			.andExpect(header().string("X-Paxoshub-Served-By", "neo"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Unauthorized"))
			.andExpect(jsonPath("$.detail")
				.value("Sign in with HTTP Basic (your paxoshub username and password) to do this."));
		then(this.accounts).shouldHaveNoInteractions();
	}

	@Test
	void changingAProfileWithAWrongPasswordIsRefused() throws Exception {
		given(this.users.loadUserByUsername("paxosexpert"))
			.willReturn(basicUser("paxosexpert", "correct horse battery"));

		this.mvc
			.perform(put("/api/accounts/paxosexpert/profile").with(httpBasic("paxosexpert", "wrong password"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"displayName\": \"Mallory\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"paxoshub\""))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		then(this.accounts).shouldHaveNoInteractions();
	}

	@Test
	void changingSomeoneElsesProfileIsForbidden() throws Exception {
		this.mvc
			.perform(put("/api/accounts/paxosexpert/profile").with(user("trinity"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"displayName\": \"Mallory\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.detail").value("Only paxosexpert can change this account."))
			.andExpect(jsonPath("$.node").value("neo"));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void theOwnerChangesTheirProfileWithHttpBasic() throws Exception {
		given(this.users.loadUserByUsername("paxosexpert"))
			.willReturn(basicUser("paxosexpert", "correct horse battery"));
		Account changed = paxosExpert();
		changed.updateProfile("Paxos Expert", "I agree, eventually.");
		given(this.accounts.updateProfile("paxosexpert", "Paxos Expert", "I agree, eventually.", null))
			.willReturn(changed);

		this.mvc
			.perform(put("/api/accounts/paxosexpert/profile").with(httpBasic("paxosexpert", "correct horse battery"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"displayName\": \"Paxos Expert\", \"bio\": \"I agree, eventually.\"}"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.username").value("paxosexpert"))
			.andExpect(jsonPath("$.displayName").value("Paxos Expert"))
			.andExpect(jsonPath("$.bio").value("I agree, eventually."));
		then(this.accounts).should().updateProfile("paxosexpert", "Paxos Expert", "I agree, eventually.", null);
	}

	@Test
	void theOwnerIsRecognisedWhateverTheCaseOfTheName() throws Exception {
		given(this.accounts.updateProfile(eq("paxosexpert"), any(), any(), isNull())).willReturn(paxosExpert());

		this.mvc
			.perform(put("/api/accounts/paxosexpert/profile").with(user("PaxosExpert"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bio\": \"hi\"}"))
			.andExpect(status().isOk());
		then(this.accounts).should().updateProfile("paxosexpert", null, "hi", null);
	}

	@Test
	void aProfileWithANulOrHalfACharacterIsAProblemForEachField() throws Exception {
		this.mvc
			.perform(put("/api/accounts/paxosexpert/profile").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"displayName": "Paxos\\u0000Expert", "bio": "half a rocket: \\ud83d"}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors").value(containsInAnyOrder(
					Map.of("field", "displayName", "message",
							"A display name cannot contain control characters or invalid Unicode."),
					Map.of("field", "bio", "message",
							"A bio cannot contain control characters (other than line breaks and tabs) or invalid Unicode."))));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void anEmailAddressWithHalfACharacterIsAProblem() throws Exception {
		this.mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "paxosexpert", "email": "paxos\\udc00@example.com", "password": "correct horse battery"}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'email')].message")
				.value(hasItem("An email address cannot contain control characters or invalid Unicode.")));
		then(this.accounts).should(never()).signUp(any());
	}

	@Test
	void aBioOverOneHundredSixtyCharactersIsAProblem() throws Exception {
		this.mvc
			.perform(put("/api/accounts/paxosexpert/profile").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bio\": \"" + "b".repeat(161) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("bio"))
			.andExpect(jsonPath("$.errors[0].message").value("A bio can have at most 160 characters."))
			.andExpect(jsonPath("$.detail").value("A bio can have at most 160 characters."));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void theOwnerUploadsAnAvatarAsTheRequestBody() throws Exception {
		Account account = paxosExpert();
		account.updateProfile("Paxos Expert", "bio");
		given(this.accounts.require("paxosexpert")).willReturn(account);
		given(this.accounts.updateProfile(eq("paxosexpert"), any(), any(), any())).willReturn(account);

		this.mvc
			.perform(put("/api/accounts/paxosexpert/avatar").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.content(Images.TINY_PNG))
			.andExpect(status().isOk());

		ArgumentCaptor<Avatar> avatar = ArgumentCaptor.forClass(Avatar.class);
		then(this.accounts).should().updateProfile(eq("paxosexpert"), eq("Paxos Expert"), eq("bio"), avatar.capture());
		assertThat(avatar.getValue().contentType()).isEqualTo("image/png");
		assertThat(avatar.getValue().bytes()).isEqualTo(Images.TINY_PNG);
	}

	@Test
	void anAvatarThatIsNotAnImageIsABadRequestProblem() throws Exception {
		given(this.accounts.require("paxosexpert")).willReturn(paxosExpert());

		this.mvc
			.perform(put("/api/accounts/paxosexpert/avatar").with(user("paxosexpert"))
				.contentType(MediaType.IMAGE_PNG)
				.content("<svg onload=alert(1)/>".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("An avatar must be a PNG, JPEG, GIF or WebP image."))
			.andExpect(jsonPath("$.node").value("neo"));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void anAvatarOverOneMegabyteIsContentTooLarge() throws Exception {
		byte[] large = new byte[12 * 1024 * 1024];
		System.arraycopy(Images.TINY_PNG, 0, large, 0, Images.TINY_PNG.length);

		this.mvc
			.perform(put("/api/accounts/paxosexpert/avatar").with(user("paxosexpert"))
				.contentType(MediaType.IMAGE_PNG)
				.content(large))
			.andExpect(status().isContentTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("An avatar can be at most 1 MB; this file is 12.00 MB."))
			.andExpect(jsonPath("$.node").value("neo"));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	/*
	 * A form-encoded PUT would otherwise be decoded as a form, whole, before the
	 * controller ran.
	 */
	@Test
	void anAvatarSentAsAFormIsReadAsTheBytesItIs() throws Exception {
		given(this.accounts.require("paxosexpert")).willReturn(paxosExpert());

		this.mvc
			.perform(put("/api/accounts/paxosexpert/avatar").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("100% not an image"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("An avatar must be a PNG, JPEG, GIF or WebP image."));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	private static Account paxosExpert() {
		return Account.create("paxosexpert", "paxos@example.com", "{noop}correct horse battery", "neo", CREATED);
	}

	private static User basicUser(String username, String password) {
		return (User) User.withUsername(username)
			.password(new BCryptPasswordEncoder(4).encode(password))
			.roles("USER")
			.build();
	}

}
