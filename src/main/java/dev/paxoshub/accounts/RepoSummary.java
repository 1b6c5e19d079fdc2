package dev.paxoshub.accounts;

import dev.paxoshub.node.TimeText;
import dev.paxoshub.store.Repo;

/** A repository as a line in a profile's list. */
record RepoSummary(String name, String description, String updatedAtText) {

	static RepoSummary of(Repo repo) {
		return new RepoSummary(repo.getName(), repo.getDescription(), TimeText.of(repo.getUpdatedAt()));
	}

}
