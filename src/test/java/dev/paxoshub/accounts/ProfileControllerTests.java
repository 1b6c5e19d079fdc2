package dev.paxoshub.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.Avatar;
import dev.paxoshub.store.Repo;
import dev.paxoshub.support.Images;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static dev.paxoshub.FormErrors.onlyFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@NodeWebMvcTest(ProfileController.class)
class ProfileControllerTests {

	/** A 1x1 transparent PNG. */

	private static final Instant JOINED = Instant.parse("2026-03-03T10:15:30Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AccountService accounts;

	@Test
	void anUnknownUsernameIsANotFoundPageThatSaysWhatIsMissing() throws Exception {
		given(this.accounts.require("ghost")).willThrow(new AccountNotFoundException("ghost"));

		this.mvc.perform(get("/ghost"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(model().attribute("status", 404))
			.andExpect(model().attribute("message", "There is no account named ghost on this node."))
			.andExpect(header().string("X-Paxoshub-Served-By", "neo"))
			.andExpect(content().string(containsString("There is no account named ghost on this node.")));
	}

	/*
	 * Spring MVC runs no @ModelAttribute methods for @ExceptionHandler results, so
	 * PageErrors adds the layout itself: the 404 page, of all pages, must say which node
	 * did not know the account.
	 */
	@Test
	void aNotFoundPageStillSaysWhichNodeServedItAndWhoIsSignedIn() throws Exception {
		given(this.accounts.require("ghost")).willThrow(new AccountNotFoundException("ghost"));

		this.mvc.perform(get("/ghost").with(user("trinity")))
			.andExpect(status().isNotFound())
			.andExpect(model().attribute("currentUser", "trinity"))
			.andExpect(content().string(containsString("Served by Neo")))
			.andExpect(content().string(containsString("Consensus OFF")))
			.andExpect(content().string(containsString("id=\"nav-profile\"")));
	}

	@Test
	void aProfileShowsTheAccountAndItsRepositoriesNewestFirst() throws Exception {
		Account account = paxosExpert();
		Repo older = new Repo("paxos-made-simple", "Lamport, annotated", "# Paxos", JOINED.plusSeconds(60));
		Repo newer = new Repo("raft-notes", null, null, JOINED.plusSeconds(3600));
		account.addRepo(older);
		account.addRepo(newer);
		given(this.accounts.require("paxosexpert")).willReturn(account);
		given(this.accounts.copies("paxosexpert")).willReturn(1);

		this.mvc.perform(get("/paxosexpert"))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/profile"))
			.andExpect(model().attribute("account", AccountView.of(account)))
			.andExpect(model().attribute("repos", List.of(RepoSummary.of(newer), RepoSummary.of(older))))
			.andExpect(model().attribute("owner", false))
			.andExpect(model().attribute("copies", 1))
			.andExpect(content().string(containsString("Paxos Expert")))
			.andExpect(content().string(containsString("I agree, eventually.")))
			.andExpect(content().string(containsString("href=\"/paxosexpert/raft-notes\"")))
			.andExpect(content().string(containsString("href=\"/paxosexpert/paxos-made-simple\"")))
			.andExpect(content().string(containsString("3 Mar 2026, 10:15:30 UTC")))
			.andExpect(content().string(not(containsString("split-brain-warning"))))
			.andExpect(content().string(not(containsString("href=\"/settings/profile\""))));
	}

	@Test
	void theOwnerSeesTheirProfileAsTheirsWhateverTheCaseOfTheName() throws Exception {
		given(this.accounts.require("paxosexpert")).willReturn(paxosExpert());
		given(this.accounts.copies("paxosexpert")).willReturn(1);

		this.mvc.perform(get("/paxosexpert").with(user("PaxosExpert")))
			.andExpect(status().isOk())
			.andExpect(model().attribute("owner", true))
			.andExpect(model().attribute("currentUser", "PaxosExpert"))
			.andExpect(content().string(containsString("href=\"/settings/profile\"")));
	}

	@Test
	void someoneElseSeesTheProfileButNotAsTheirs() throws Exception {
		given(this.accounts.require("paxosexpert")).willReturn(paxosExpert());
		given(this.accounts.copies("paxosexpert")).willReturn(1);

		this.mvc.perform(get("/paxosexpert").with(user("trinity")))
			.andExpect(status().isOk())
			.andExpect(model().attribute("owner", false))
			.andExpect(content().string(containsString("Nothing here, or at least nothing this node has heard of.")));
	}

	@Test
	void aProfileWarnsWhenTheNodeHoldsTwoAccountsUnderTheName() throws Exception {
		given(this.accounts.require("paxosexpert")).willReturn(paxosExpert());
		given(this.accounts.copies("paxosexpert")).willReturn(2);

		this.mvc.perform(get("/paxosexpert"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("copies", 2))
			.andExpect(content().string(containsString("This node holds 2 different accounts named paxosexpert.")));
	}

	@Test
	void editingAProfileNeedsASignedInPerson() throws Exception {
		this.mvc.perform(get("/settings/profile")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		then(this.accounts).shouldHaveNoInteractions();
	}

	@Test
	void theEditFormStartsFromTheCurrentProfile() throws Exception {
		Account account = paxosExpert();
		account.replaceAvatar(new Avatar("image/png", Images.TINY_PNG));
		given(this.accounts.require("paxosexpert")).willReturn(account);

		this.mvc.perform(get("/settings/profile").with(user("paxosexpert")))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/edit"))
			.andExpect(model().attribute("avatarUrl", "/avatars/" + account.getId() + "?v=1"))
			.andExpect(model().attribute("profileForm",
					allOf(hasProperty("displayName", is("Paxos Expert")),
							hasProperty("bio", is("I agree, eventually.")))))
			.andExpect(content().string(containsString("id=\"profile-form\"")))
			.andExpect(content().string(containsString("id=\"avatar-preview\"")));
	}

	@Test
	void aFileThatIsNotAnImageIsRefusedWhateverItsNameAndDeclaredType() throws Exception {
		given(this.accounts.find("paxosexpert")).willReturn(Optional.of(paxosExpert()));
		MockMultipartFile fake = new MockMultipartFile("avatar", "x.png", "image/png",
				"<svg onload=alert(1)>I am text</svg>".getBytes(StandardCharsets.UTF_8));

		this.mvc
			.perform(multipart("/settings/profile").file(fake)
				.param("displayName", "Paxos Expert")
				.param("bio", "")
				.with(user("paxosexpert"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/edit"))
			.andExpect(onlyFieldError("profileForm", "avatar", "An avatar must be a PNG, JPEG, GIF or WebP image."))
			.andExpect(model().attribute("avatarUrl", (Object) null))
			.andExpect(content().string(containsString("An avatar must be a PNG, JPEG, GIF or WebP image.")));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void anEmptyFileIsNoNewAvatar() throws Exception {
		given(this.accounts.updateProfile(eq("paxosexpert"), any(), any(), isNull())).willReturn(paxosExpert());
		MockMultipartFile none = new MockMultipartFile("avatar", "", "application/octet-stream", new byte[0]);

		this.mvc
			.perform(multipart("/settings/profile").file(none)
				.param("displayName", "  Paxos Expert ")
				.param("bio", "   ")
				.with(user("paxosexpert"))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/paxosexpert"));
		then(this.accounts).should().updateProfile("paxosexpert", "Paxos Expert", null, null);
	}

	@Test
	void aRealImageBecomesTheAvatarWithTheTypeItsBytesShow() throws Exception {
		given(this.accounts.updateProfile(eq("paxosexpert"), any(), any(), any())).willReturn(paxosExpert());
		MockMultipartFile png = new MockMultipartFile("avatar", "me.txt", "text/plain", Images.TINY_PNG);

		this.mvc
			.perform(multipart("/settings/profile").file(png)
				.param("displayName", "Paxos Expert")
				.param("bio", "I agree, eventually.")
				.with(user("paxosexpert"))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/paxosexpert"));

		ArgumentCaptor<Avatar> avatar = ArgumentCaptor.forClass(Avatar.class);
		then(this.accounts).should()
			.updateProfile(eq("paxosexpert"), eq("Paxos Expert"), eq("I agree, eventually."), avatar.capture());
		assertThat(avatar.getValue().contentType()).isEqualTo("image/png");
		assertThat(avatar.getValue().bytes()).isEqualTo(Images.TINY_PNG);
	}

	@Test
	void anImageOverOneMegabyteIsRefused() throws Exception {
		given(this.accounts.find("paxosexpert")).willReturn(Optional.of(paxosExpert()));
		byte[] large = new byte[AvatarRules.MAX_BYTES + 1];
		System.arraycopy(Images.TINY_PNG, 0, large, 0, Images.TINY_PNG.length);

		this.mvc
			.perform(multipart("/settings/profile").file(new MockMultipartFile("avatar", "big.png", "image/png", large))
				.with(user("paxosexpert"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/edit"))
			.andExpect(model().attributeHasFieldErrorCode("profileForm", "avatar", "invalid"))
			.andExpect(content().string(containsString("An avatar can be at most 1 MB; this file is ")));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void aBioOverOneHundredSixtyCharactersGivesTheFormBack() throws Exception {
		given(this.accounts.find("paxosexpert")).willReturn(Optional.of(paxosExpert()));

		this.mvc
			.perform(multipart("/settings/profile").param("displayName", "Paxos Expert")
				.param("bio", "b".repeat(161))
				.with(user("paxosexpert"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/edit"))
			.andExpect(onlyFieldError("profileForm", "bio", "A bio can have at most 160 characters."))
			.andExpect(content().string(containsString("A bio can have at most 160 characters.")));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void aBioOfExactlyOneHundredSixtyCharactersIsSaved() throws Exception {
		given(this.accounts.updateProfile(eq("paxosexpert"), any(), any(), any())).willReturn(paxosExpert());

		this.mvc
			.perform(
					multipart("/settings/profile").param("bio", "b".repeat(160)).with(user("paxosexpert")).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/paxosexpert"));
		then(this.accounts).should().updateProfile("paxosexpert", null, "b".repeat(160), null);
	}

	@Test
	void aDisplayNameWithAControlCharacterGivesTheFormBack() throws Exception {
		given(this.accounts.find("paxosexpert")).willReturn(Optional.of(paxosExpert()));

		this.mvc
			.perform(multipart("/settings/profile").param("displayName", "Paxos\u0000Expert")
				.with(user("paxosexpert"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/edit"))
			.andExpect(onlyFieldError("profileForm", "displayName",
					"A display name cannot contain control characters or invalid Unicode."));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void aBioWithAnEscapeSequenceGivesTheFormBack() throws Exception {
		given(this.accounts.find("paxosexpert")).willReturn(Optional.of(paxosExpert()));

		this.mvc
			.perform(multipart("/settings/profile").param("bio", "I agree.\n\u001B[2J")
				.with(user("paxosexpert"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(onlyFieldError("profileForm", "bio",
					"A bio cannot contain control characters (other than line breaks and tabs) or invalid Unicode."))
			.andExpect(content().string(containsString("A bio cannot contain control characters")));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void aDisplayNameOverOneHundredCharactersGivesTheFormBack() throws Exception {
		given(this.accounts.find("paxosexpert")).willReturn(Optional.of(paxosExpert()));

		this.mvc
			.perform(multipart("/settings/profile").param("displayName", "d".repeat(101))
				.with(user("paxosexpert"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("accounts/edit"))
			.andExpect(onlyFieldError("profileForm", "displayName", "A display name can have at most 100 characters."));
		then(this.accounts).should(never()).updateProfile(anyString(), any(), any(), any());
	}

	@Test
	void savingAProfileWithoutACsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(multipart("/settings/profile").param("bio", "hi").with(user("paxosexpert")))
			.andExpect(status().isForbidden());
		then(this.accounts).shouldHaveNoInteractions();
	}

	@Test
	void savingAProfileSignedOutLeadsToTheSignInPage() throws Exception {
		this.mvc.perform(multipart("/settings/profile").param("bio", "hi").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		then(this.accounts).shouldHaveNoInteractions();
	}

	private static Account paxosExpert() {
		Account account = Account.create("paxosexpert", "paxos@example.com", "{noop}correct horse battery", "neo",
				JOINED);
		account.updateProfile("Paxos Expert", "I agree, eventually.");
		return account;
	}

}
