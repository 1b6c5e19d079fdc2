package dev.paxoshub.repos;

import java.time.Instant;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.accounts.AccountNotFoundException;
import dev.paxoshub.markdown.MarkdownRenderer;
import dev.paxoshub.markdown.RenderedReadmes;
import dev.paxoshub.markdown.UnrenderableReadmeException;
import dev.paxoshub.repos.RepoService.RepoNameTakenException;
import dev.paxoshub.repos.RepoService.RepoNotFoundException;
import dev.paxoshub.repos.RepoService.RepoPage;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static dev.paxoshub.FormErrors.onlyFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@NodeWebMvcTest(RepoController.class)
@Import({ MarkdownRenderer.class, RenderedReadmes.class })
class RepoControllerTests {

	private static final String NAME_RULE = "A repository name may contain only letters, digits, '.', '-' and '_', and cannot be '.' or '..'.";

	private static final Instant CREATED = Instant.parse("2026-03-03T10:15:30Z");

	private static final String README_TOO_LARGE = "A README can be at most 64 KB (65,536 bytes of UTF-8); this one is 64.5 KB.";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private RepoService repos;

	@MockitoSpyBean
	private MarkdownRenderer markdown;

	@Test
	void theNewRepositoryFormNeedsASignedInPerson() throws Exception {
		this.mvc.perform(get("/new")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theNewRepositoryFormNamesItsOwner() throws Exception {
		this.mvc.perform(get("/new").with(user("paxosexpert")))
			.andExpect(status().isOk())
			.andExpect(view().name("repos/new"))
			.andExpect(model().attribute("repoForm", instanceOf(RepoForm.class)))
			.andExpect(
					content().string(containsString("<span id=\"repo-owner\" class=\"owner-name\">paxosexpert</span>")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", ".", "has space", "a/b", "héllo", "<script>" })
	void aNameOutsideTheRuleGivesTheFormBack(String name) throws Exception {
		this.mvc
			.perform(post("/new").with(user("paxosexpert")).with(csrf()).param("name", name).param("readme", "# Hi"))
			.andExpect(status().isOk())
			.andExpect(view().name("repos/new"))
			.andExpect(onlyFieldError("repoForm", "name", NAME_RULE))
			.andExpect(content().string(containsString("id=\"name-error\"")))
			.andExpect(content().string(not(containsString("<script>"))));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void aMissingNameAsksForOne(String name) throws Exception {
		this.mvc.perform(post("/new").with(user("paxosexpert")).with(csrf()).param("name", name))
			.andExpect(status().isOk())
			.andExpect(view().name("repos/new"))
			.andExpect(onlyFieldError("repoForm", "name", "Name your repository."))
			.andExpect(content().string(containsString("Name your repository.")));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@Test
	void aNameOverOneHundredCharactersGivesTheFormBack() throws Exception {
		this.mvc.perform(post("/new").with(user("paxosexpert")).with(csrf()).param("name", "r".repeat(101)))
			.andExpect(status().isOk())
			.andExpect(onlyFieldError("repoForm", "name", "A repository name can have at most 100 characters."));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@Test
	void aDescriptionOverThreeHundredFiftyCharactersGivesTheFormBack() throws Exception {
		this.mvc
			.perform(post("/new").with(user("paxosexpert"))
				.with(csrf())
				.param("name", "hello-world")
				.param("description", "d".repeat(351)))
			.andExpect(status().isOk())
			.andExpect(onlyFieldError("repoForm", "description", "A description can have at most 350 characters."))
			.andExpect(content().string(containsString("A description can have at most 350 characters.")));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@Test
	void aDescriptionWithAControlCharacterGivesTheFormBack() throws Exception {
		this.mvc
			.perform(post("/new").with(user("paxosexpert"))
				.with(csrf())
				.param("name", "hello-world")
				.param("description", "My\u0000first"))
			.andExpect(status().isOk())
			.andExpect(onlyFieldError("repoForm", "description",
					"A description cannot contain control characters or invalid Unicode."));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@Test
	void aReadmeKeepsItsLineBreaksAndTabsButNoOtherControlCharacter() throws Exception {
		this.mvc
			.perform(post("/new").with(user("paxosexpert"))
				.with(csrf())
				.param("name", "hello-world")
				.param("readme", "# Hello\r\n\n\tcode\n\u001B[2J"))
			.andExpect(status().isOk())
			.andExpect(onlyFieldError("repoForm", "readme",
					"A README cannot contain control characters (other than line breaks and tabs) or invalid Unicode."));
		then(this.repos).should(never()).create(anyString(), any());
	}

	/* Counted in bytes of UTF-8: 33,000 characters, but 66,000 bytes. */
	@Test
	void aReadmeOverSixtyFourKilobytesGivesTheFormBackSayingHowLargeItIs() throws Exception {
		this.mvc
			.perform(post("/new").with(user("paxosexpert"))
				.with(csrf())
				.param("name", "hello-world")
				.param("readme", "é".repeat(33_000)))
			.andExpect(status().isOk())
			.andExpect(view().name("repos/new"))
			.andExpect(onlyFieldError("repoForm", "readme", README_TOO_LARGE))
			.andExpect(content().string(containsString("id=\"readme-error\"")))
			.andExpect(content().string(containsString(README_TOO_LARGE)));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@Test
	void aReadmeThatCannotBeRenderedGivesTheFormBack() throws Exception {
		String refusal = "This README cannot be shown: it is nested too deeply. Simplify it and try again.";
		willThrow(UnrenderableReadmeException.because("it is nested too deeply")).given(this.repos)
			.create(eq("paxosexpert"), any());

		this.mvc
			.perform(post("/new").with(user("paxosexpert"))
				.with(csrf())
				.param("name", "hello-world")
				.param("readme", "> ".repeat(1000)))
			.andExpect(status().isOk())
			.andExpect(view().name("repos/new"))
			.andExpect(onlyFieldError("repoForm", "readme", refusal))
			.andExpect(content().string(containsString(refusal)));
	}

	@Test
	void aValidRepositoryIsCreatedForTheSignedInPersonAndShown() throws Exception {
		given(this.repos.create(eq("paxosexpert"), any()))
			.willReturn(new Repo("hello-world", "My first", "# Hello", CREATED));

		this.mvc
			.perform(post("/new").with(user("paxosexpert"))
				.with(csrf())
				.param("name", " hello-world ")
				.param("description", "  My first ")
				.param("readme", "# Hello"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/paxosexpert/hello-world"));

		ArgumentCaptor<RepoForm> form = ArgumentCaptor.forClass(RepoForm.class);
		then(this.repos).should().create(eq("paxosexpert"), form.capture());
		assertThat(form.getValue().getName()).isEqualTo("hello-world");
		assertThat(form.getValue().getDescription()).isEqualTo("My first");
		assertThat(form.getValue().getReadme()).isEqualTo("# Hello");
	}

	@Test
	void aNameTheOwnerAlreadyUsesGivesTheFormBack() throws Exception {
		willThrow(new RepoNameTakenException("paxosexpert", "hello-world")).given(this.repos)
			.create(eq("paxosexpert"), any());

		this.mvc.perform(post("/new").with(user("paxosexpert")).with(csrf()).param("name", "hello-world"))
			.andExpect(status().isOk())
			.andExpect(view().name("repos/new"))
			.andExpect(onlyFieldError("repoForm", "name", "paxosexpert already has a repository named hello-world."))
			.andExpect(content().string(containsString("paxosexpert already has a repository named hello-world.")));
	}

	@Test
	void creatingARepositoryWithoutACsrfTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/new").with(user("paxosexpert")).param("name", "hello-world"))
			.andExpect(status().isForbidden());
		then(this.repos).shouldHaveNoInteractions();
	}

	@Test
	void creatingARepositorySignedOutLeadsToTheSignInPage() throws Exception {
		this.mvc.perform(post("/new").with(csrf()).param("name", "hello-world"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		then(this.repos).shouldHaveNoInteractions();
	}

	@Test
	void aRepositoryPageRendersItsReadmeWithoutAnyScript() throws Exception {
		Account account = paxosExpert();
		Repo repo = new Repo("hello-world", "My first", """
				# Hello

				Some **bold** words and a [link](https://example.com).

				<script>alert(1)</script>

				<img src="x.png" onerror="alert(2)">

				[click me](javascript:alert(3))

				<a href="https://example.com" onclick="alert(4)">plain</a>
				""", CREATED);
		account.addRepo(repo);
		given(this.repos.find("paxosexpert", "hello-world")).willReturn(new RepoPage(account, repo));

		this.mvc.perform(get("/paxosexpert/hello-world"))
			.andExpect(status().isOk())
			.andExpect(view().name("repos/show"))
			.andExpect(model().attribute("readmeHtml",
					allOf(containsString("<h1>Hello</h1>"), containsString("<strong>bold</strong>"),
							not(containsString("<script")), not(containsString("onerror")),
							not(containsString("javascript:")), not(containsString("onclick")))))
			.andExpect(content().string(containsString("<h1>Hello</h1>")))
			.andExpect(content().string(containsString("<strong>bold</strong>")))
			.andExpect(content().string(containsString("href=\"https://example.com\"")))
			.andExpect(content().string(not(containsString("<script"))))
			.andExpect(content().string(not(containsString("alert("))))
			.andExpect(content().string(not(containsString("javascript:"))))
			.andExpect(content().string(containsString("My first")))
			.andExpect(content().string(containsString("3 Mar 2026, 10:15:30 UTC")));
	}

	/*
	 * A node can hold a README that an older paxoshub, or another node, stored without
	 * rendering it.
	 */
	@Test
	void aStoredReadmeThatCannotBeRenderedLeavesTheRestOfThePageStanding() throws Exception {
		Account account = paxosExpert();
		Repo repo = new Repo("hello-world", "My first", "*deep*", CREATED);
		account.addRepo(repo);
		given(this.repos.find("paxosexpert", "hello-world")).willReturn(new RepoPage(account, repo));
		willThrow(new StackOverflowError()).given(this.markdown).toSafeHtml("*deep*");

		this.mvc.perform(get("/paxosexpert/hello-world"))
			.andExpect(status().isOk())
			.andExpect(view().name("repos/show"))
			.andExpect(content().string(containsString("This README could not be rendered.")))
			.andExpect(content().string(containsString("My first")));
	}

	@Test
	void aRepositoryDescriptionIsTextNotHtml() throws Exception {
		Account account = paxosExpert();
		Repo repo = new Repo("hello-world", "<b onmouseover=alert(1)>hi</b>", null, CREATED);
		account.addRepo(repo);
		given(this.repos.find("paxosexpert", "hello-world")).willReturn(new RepoPage(account, repo));

		this.mvc.perform(get("/paxosexpert/hello-world"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("readmeHtml", ""))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape("<b onmouseover=alert(1)>hi</b>"))))
			.andExpect(content().string(not(containsString("<b onmouseover"))))
			.andExpect(content().string(containsString("This repository has no README yet.")));
	}

	@Test
	void anUnknownRepositoryIsANotFoundPage() throws Exception {
		given(this.repos.find("paxosexpert", "nope")).willThrow(new RepoNotFoundException("paxosexpert", "nope"));

		this.mvc.perform(get("/paxosexpert/nope"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(model().attribute("message", "paxosexpert has no repository named nope on this node."))
			.andExpect(content().string(containsString("paxosexpert has no repository named nope on this node.")));
	}

	@Test
	void aRepositoryOfAnUnknownAccountIsANotFoundPage() throws Exception {
		given(this.repos.find("ghost", "hello-world")).willThrow(new AccountNotFoundException("ghost"));

		this.mvc.perform(get("/ghost/hello-world"))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(model().attribute("message", "There is no account named ghost on this node."));
	}

	/*
	 * Same cause as
	 * SignupControllerTests#aReservedUsernameIsQuotedOnThePageAsTheRuleWroteIt.
	 */
	@Test
	void theNameRuleIsShownOnThePageAsItIsWritten() throws Exception {
		this.mvc.perform(post("/new").with(user("paxosexpert")).with(csrf()).param("name", ".."))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(NAME_RULE))));
	}

	private static Account paxosExpert() {
		return Account.create("paxosexpert", "paxos@example.com", "{noop}correct horse battery", "neo", CREATED);
	}

}
