package dev.paxoshub.repos;

import java.time.Clock;

import dev.paxoshub.accounts.AccountService;
import dev.paxoshub.markdown.RenderedReadmes;
import dev.paxoshub.markdown.UnrenderableReadmeException;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.Repo;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

@Service
class RepoService {

	private final AccountService accounts;

	private final RenderedReadmes readmes;

	private final Clock clock;

	RepoService(AccountService accounts, RenderedReadmes readmes, Clock clock) {
		this.accounts = accounts;
		this.readmes = readmes;
		this.clock = clock;
	}

	/**
	 * The README is rendered before anything is committed: one that pages could not show
	 * is never stored, on this node or any other.
	 * @throws UnrenderableReadmeException if the README cannot be rendered
	 * @throws RepoNameTakenException if the owner already has a repository of that name
	 */
	Repo create(String owner, RepoForm form) {
		this.readmes.check(form.getReadme());
		Repo repo = new Repo(form.getName(), form.getDescription(), form.getReadme(), this.clock.instant());
		this.accounts.change(owner, (account) -> {
			if (account.repo(form.getName()).isPresent()) {
				throw new RepoNameTakenException(account.getUsername(), form.getName());
			}
			account.addRepo(repo);
		});
		return repo;
	}

	RepoPage find(String username, String name) {
		Account account = this.accounts.require(username);
		Repo repo = account.repo(name).orElseThrow(() -> new RepoNotFoundException(account.getUsername(), name));
		return new RepoPage(account, repo);
	}

	record RepoPage(Account account, Repo repo) {
	}

	static class RepoNameTakenException extends ErrorResponseException {

		RepoNameTakenException(String owner, String name) {
			super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					owner + " already has a repository named " + name + "."), null);
		}

	}

	static class RepoNotFoundException extends ErrorResponseException {

		RepoNotFoundException(String owner, String name) {
			super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					owner + " has no repository named " + name + " on this node."), null);
		}

	}

}
