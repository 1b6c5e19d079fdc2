package dev.paxoshub.accounts;

import java.time.Instant;
import java.util.List;

import dev.paxoshub.store.Account;
import dev.paxoshub.store.Repo;

/** An account as the JSON API shows it. */
public record AccountResource(String id, String username, String displayName, String bio, String avatarUrl,
		String originNode, Instant createdAt, Instant updatedAt, long revision, String lastWriter,
		List<RepoItem> repos) {

	public static AccountResource of(Account account) {
		return new AccountResource(account.getId(), account.getUsername(), account.getDisplayName(), account.getBio(),
				AccountView.of(account).avatarUrl(), account.getOriginNode(), account.getCreatedAt(),
				account.getUpdatedAt(), account.getRevision(), account.getLastWriter(),
				account.reposNewestFirst().stream().map(RepoItem::of).toList());
	}

	public record RepoItem(String name, String description, Instant createdAt, Instant updatedAt) {

		static RepoItem of(Repo repo) {
			return new RepoItem(repo.getName(), repo.getDescription(), repo.getCreatedAt(), repo.getUpdatedAt());
		}

	}

}
