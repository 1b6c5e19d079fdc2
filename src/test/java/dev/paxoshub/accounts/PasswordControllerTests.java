package dev.paxoshub.accounts;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.security.SignedInUser;
import dev.paxoshub.store.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@NodeWebMvcTest(PasswordController.class)
class PasswordControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountService accounts;

	@Autowired
	private UserDetailsService users;

	@BeforeEach
	void consensusIsOff() {
		given(this.users.loadUserByUsername("paxosexpert"))
			.willReturn(SignedInUser.account("paxosexpert", "{noop}a-new-long-password", "id-1", 1));
	}

	@Test
	void theFormAsksForTheCurrentPasswordAndTheNewOneTwice() throws Exception {
		this.mvc.perform(get("/settings/password").with(user("paxosexpert")))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/password"))
			.andExpect(content().string(containsString("name=\"currentPassword\"")))
			.andExpect(content().string(containsString("autocomplete=\"current-password\"")))
			.andExpect(content().string(containsString("name=\"confirmPassword\"")));
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/settings/password")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void aNewPasswordIsSavedAndThisBrowserGetsAFreshSignIn() throws Exception {
		given(this.accounts.changePassword("paxosexpert", "correct-horse", "a-new-long-password"))
			.willReturn(Account.create("paxosexpert", "p@example.org", "x", "neo", java.time.Instant.now()));
		this.mvc
			.perform(post("/settings/password").with(csrf())
				.with(user("paxosexpert"))
				.param("currentPassword", "correct-horse")
				.param("newPassword", "a-new-long-password")
				.param("confirmPassword", "a-new-long-password"))
			.andExpect(redirectedUrl("/settings/password?changed"))
			.andExpect(cookie().exists("paxoshub-signin"));
		then(this.accounts).should().changePassword("paxosexpert", "correct-horse", "a-new-long-password");
	}

	@Test
	void twoDifferentNewPasswordsGiveTheFormBack() throws Exception {
		this.mvc
			.perform(post("/settings/password").with(csrf())
				.with(user("paxosexpert"))
				.param("currentPassword", "correct-horse")
				.param("newPassword", "a-new-long-password")
				.param("confirmPassword", "a-new-long-passw0rd"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "confirmPassword", "mismatch"))
			.andExpect(content().string(containsString("The two new passwords are not the same.")));
		then(this.accounts).should(never()).changePassword(anyString(), anyString(), anyString());
	}

	@Test
	void aWrongCurrentPasswordGivesTheFormBackAndChangesNothing() throws Exception {
		willThrow(new WrongPasswordException()).given(this.accounts)
			.changePassword("paxosexpert", "not-it", "a-new-long-password");
		this.mvc
			.perform(post("/settings/password").with(csrf())
				.with(user("paxosexpert"))
				.param("currentPassword", "not-it")
				.param("newPassword", "a-new-long-password")
				.param("confirmPassword", "a-new-long-password"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "currentPassword", "wrong"))
			.andExpect(cookie().doesNotExist("paxoshub-signin"));
	}

	@Test
	void withoutACsrfTokenNothingIsChanged() throws Exception {
		this.mvc
			.perform(post("/settings/password").with(user("paxosexpert"))
				.param("currentPassword", "correct-horse")
				.param("newPassword", "a-new-long-password")
				.param("confirmPassword", "a-new-long-password"))
			.andExpect(status().isForbidden());
		then(this.accounts).should(never()).changePassword(anyString(), anyString(), anyString());
	}

}
