package dev.paxoshub.store;

import java.time.Instant;

/** One row of a node's account table as the cluster views show it (no secrets, no images). */
public record AccountRecord(String id, String username, String email, String originNode, Instant createdAt,
		Instant updatedAt, long revision, String lastWriter, int repoCount) {
}
