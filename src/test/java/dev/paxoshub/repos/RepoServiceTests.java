package dev.paxoshub.repos;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.paxoshub.accounts.AccountService;
import dev.paxoshub.markdown.MarkdownRenderer;
import dev.paxoshub.markdown.RenderedReadmes;
import dev.paxoshub.markdown.UnrenderableReadmeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class RepoServiceTests {

	private final AccountService accounts = mock(AccountService.class);

	private final RenderedReadmes readmes = new RenderedReadmes(new MarkdownRenderer() {
		@Override
		public String toSafeHtml(String markdown) {
			if (markdown.startsWith("deep")) {
				throw new StackOverflowError();
			}
			return super.toSafeHtml(markdown);
		}
	});

	private final RepoService repos = new RepoService(this.accounts, this.readmes,
			Clock.fixed(Instant.parse("2026-03-03T10:15:30Z"), ZoneOffset.UTC));

	@AfterEach
	void stopTheRenderers() {
		this.readmes.destroy();
	}

	@Test
	void aReadmeThatCannotBeRenderedIsRefusedBeforeAnythingIsCommitted() {
		RepoForm form = new RepoForm();
		form.setName("hello-world");
		form.setReadme("deep " + "> ".repeat(1000));

		assertThatExceptionOfType(UnrenderableReadmeException.class)
			.isThrownBy(() -> this.repos.create("paxosexpert", form))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		then(this.accounts).should(never()).change(anyString(), any());
	}

}
