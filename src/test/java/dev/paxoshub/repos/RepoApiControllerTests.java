package dev.paxoshub.repos;

import java.time.Instant;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.accounts.AccountNotFoundException;
import dev.paxoshub.markdown.MarkdownRenderer;
import dev.paxoshub.markdown.RenderedReadmes;
import dev.paxoshub.repos.RepoService.RepoNameTakenException;
import dev.paxoshub.repos.RepoService.RepoNotFoundException;
import dev.paxoshub.repos.RepoService.RepoPage;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.Repo;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@NodeWebMvcTest(RepoApiController.class)
@Import({ MarkdownRenderer.class, RenderedReadmes.class })
class RepoApiControllerTests {

	private static final Instant CREATED = Instant.parse("2026-03-03T10:15:30Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private RepoService repos;

	@MockitoSpyBean
	private MarkdownRenderer markdown;

	@Test
	void theOwnerCreatesARepositoryAndGetsItsSafeReadmeBack() throws Exception {
		given(this.repos.create(eq("paxosexpert"), any()))
			.willReturn(new Repo("hello-world", "My first", "# Hello\n\n<script>alert(1)</script>", CREATED));

		this.mvc
			.perform(post("/api/accounts/paxosexpert/repos").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"name": " hello-world ", "description": "My first", "readme": "# Hello\\n\\n<script>alert(1)</script>"}
								"""))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/accounts/paxosexpert/repos/hello-world"))
			.andExpect(header().string("X-Paxoshub-Served-By", "neo"))
			.andExpect(jsonPath("$.name").value("hello-world"))
			.andExpect(jsonPath("$.description").value("My first"))
			.andExpect(jsonPath("$.readme").value("# Hello\n\n<script>alert(1)</script>"))
			.andExpect(jsonPath("$.readmeHtml")
				.value(allOf(containsString("<h1>Hello</h1>"), not(containsString("<script")))))
			.andExpect(jsonPath("$.createdAt").value("2026-03-03T10:15:30Z"));

		ArgumentCaptor<RepoForm> form = ArgumentCaptor.forClass(RepoForm.class);
		then(this.repos).should().create(eq("paxosexpert"), form.capture());
		assertThat(form.getValue().getName()).isEqualTo("hello-world");
	}

	@Test
	void anInvalidNameIsAProblemListingTheBrokenRule() throws Exception {
		this.mvc
			.perform(post("/api/accounts/paxosexpert/repos").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "..", "description": "%s"}
						""".formatted("d".repeat(351))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("X-Paxoshub-Served-By", "neo"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.node").value("neo"))
			.andExpect(jsonPath("$.errors", hasSize(2)))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value(
					"A repository name may contain only letters, digits, '.', '-' and '_', and cannot be '.' or '..'."))
			.andExpect(jsonPath("$.errors[?(@.field == 'description')].message")
				.value("A description can have at most 350 characters."));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@Test
	void aMissingNameIsAProblem() throws Exception {
		this.mvc
			.perform(post("/api/accounts/paxosexpert/repos").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Name your repository."))
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@Test
	void aReadmeOverSixtyFourKilobytesIsAProblemSayingHowLargeItIs() throws Exception {
		this.mvc
			.perform(post("/api/accounts/paxosexpert/repos").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "hello-world", "readme": "%s"}
						""".formatted("r".repeat(120_000))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("readme"))
			.andExpect(jsonPath("$.detail")
				.value("A README can be at most 64 KB (65,536 bytes of UTF-8); this one is 117.2 KB."));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@Test
	void aReadmeWithANulIsAProblem() throws Exception {
		this.mvc
			.perform(post("/api/accounts/paxosexpert/repos").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"name": "hello-world", "readme": "# Hello\\n\\u0000"}
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("readme"))
			.andExpect(jsonPath("$.detail").value(
					"A README cannot contain control characters (other than line breaks and tabs) or invalid Unicode."));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@Test
	void creatingARepositoryForSomeoneElseIsForbidden() throws Exception {
		this.mvc
			.perform(post("/api/accounts/paxosexpert/repos").with(user("trinity"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"hello-world\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Only paxosexpert can change this account."))
			.andExpect(jsonPath("$.node").value("neo"));
		then(this.repos).should(never()).create(anyString(), any());
	}

	@Test
	void creatingARepositoryWithoutCredentialsAsksForThem() throws Exception {
		this.mvc
			.perform(post("/api/accounts/paxosexpert/repos").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"hello-world\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"paxoshub\""))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		then(this.repos).shouldHaveNoInteractions();
	}

	@Test
	void aNameTheOwnerAlreadyUsesIsAConflict() throws Exception {
		willThrow(new RepoNameTakenException("paxosexpert", "hello-world")).given(this.repos)
			.create(eq("paxosexpert"), any());

		this.mvc
			.perform(post("/api/accounts/paxosexpert/repos").with(user("paxosexpert"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"hello-world\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("paxosexpert already has a repository named hello-world."))
			.andExpect(jsonPath("$.node").value("neo"));
	}

	@Test
	void anyoneCanReadARepository() throws Exception {
		Account account = Account.create("paxosexpert", "paxos@example.com", "{noop}x", "neo", CREATED);
		Repo repo = new Repo("hello-world", null, "[x](javascript:alert(1)) **hi**", CREATED);
		account.addRepo(repo);
		given(this.repos.find("paxosexpert", "hello-world")).willReturn(new RepoPage(account, repo));

		this.mvc.perform(get("/api/accounts/paxosexpert/repos/hello-world"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.name").value("hello-world"))
			.andExpect(jsonPath("$.readmeHtml")
				.value(allOf(containsString("<strong>hi</strong>"), not(containsString("javascript:")))));
	}

	@Test
	void aStoredReadmeThatCannotBeRenderedIsReadWithANoticeForItsHtml() throws Exception {
		Account account = Account.create("paxosexpert", "paxos@example.com", "{noop}x", "neo", CREATED);
		Repo repo = new Repo("hello-world", null, "*deep*", CREATED);
		account.addRepo(repo);
		given(this.repos.find("paxosexpert", "hello-world")).willReturn(new RepoPage(account, repo));
		willThrow(new StackOverflowError()).given(this.markdown).toSafeHtml("*deep*");

		this.mvc.perform(get("/api/accounts/paxosexpert/repos/hello-world"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.readme").value("*deep*"))
			.andExpect(jsonPath("$.readmeHtml").value(containsString("This README could not be rendered.")));
	}

	@Test
	void anUnknownRepositoryIsANotFoundProblem() throws Exception {
		given(this.repos.find("paxosexpert", "nope")).willThrow(new RepoNotFoundException("paxosexpert", "nope"));

		this.mvc.perform(get("/api/accounts/paxosexpert/repos/nope"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("paxosexpert has no repository named nope on this node."))
			.andExpect(jsonPath("$.node").value("neo"));
	}

	@Test
	void aRepositoryOfAnUnknownAccountIsANotFoundProblem() throws Exception {
		given(this.repos.find("ghost", "hello-world")).willThrow(new AccountNotFoundException("ghost"));

		this.mvc.perform(get("/api/accounts/ghost/repos/hello-world"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("There is no account named ghost on this node."));
	}

}
