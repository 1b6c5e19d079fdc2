package dev.paxoshub.accounts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.Repo;

/**
 * An account as the JSON API shows it. The email is private: it is present only in
 * answers to the account's owner and to the operator.
 */
public record AccountResource(String id, String username, @JsonInclude(Include.NON_NULL) String email,
		String displayName, String bio, String avatarUrl, String originNode, Instant createdAt, Instant updatedAt,
		long revision, String lastWriter, List<RepoItem> repos) {

	public static AccountResource of(Account account) {
		return of(account, null);
	}

	public static AccountResource withEmail(Account account) {
		return of(account, account.getEmail());
	}

	private static AccountResource of(Account account, String email) {
		return new AccountResource(account.getId(), account.getUsername(), email, account.getDisplayName(),
				account.getBio(), AccountView.of(account).avatarUrl(), account.getOriginNode(), account.getCreatedAt(),
				account.getUpdatedAt(), account.getRevision(), account.getLastWriter(),
				account.reposNewestFirst().stream().map(RepoItem::of).toList());
	}

	public record RepoItem(String name, String description, Instant createdAt, Instant updatedAt) {

		static RepoItem of(Repo repo) {
			return new RepoItem(repo.getName(), repo.getDescription(), repo.getCreatedAt(), repo.getUpdatedAt());
		}

	}

}
