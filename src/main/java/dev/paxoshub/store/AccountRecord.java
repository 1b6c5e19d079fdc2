package dev.paxoshub.store;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One row of a node's account table as the cluster views show it (no password hash, no
 * images). The email is private: public views carry the record {@link #withoutEmail()
 * without it}.
 *
 * @param lineage the version stamps of its latest changes, oldest first
 * @param released whether the record lost its name when consensus reconciled a split
 * brain: kept aside, reachable by nobody's name
 */
public record AccountRecord(String id, String username, @JsonInclude(Include.NON_NULL) String email, String originNode,
		Instant createdAt, Instant updatedAt, long revision, String lastWriter, int repoCount, List<String> lineage,
		boolean released) {

	public AccountRecord withoutEmail() {
		return new AccountRecord(this.id, this.username, null, this.originNode, this.createdAt, this.updatedAt,
				this.revision, this.lastWriter, this.repoCount, this.lineage, this.released);
	}

}
