package dev.paxoshub.consensus;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The part a node's Raft server plays in its group, as Raft names it. */
public enum RaftRole {

	/** Not a member of the group (yet). */
	INACTIVE,

	/** Receives the log but never votes. */
	PASSIVE,

	/** Catching up before it becomes a voting member. */
	PROMOTABLE,

	FOLLOWER,

	/** Asking the others for their votes. */
	CANDIDATE,

	/** Orders every write of the group. */
	LEADER;

	/** How pages and the API write it: {@code "leader"}. */
	@JsonValue
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
