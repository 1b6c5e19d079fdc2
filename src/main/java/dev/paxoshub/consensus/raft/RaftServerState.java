package dev.paxoshub.consensus.raft;

import java.time.Duration;

import dev.paxoshub.consensus.RaftRole;

/**
 * What one partition's Raft server says about itself; every field is null when unknown.
 *
 * @param partition the partition's name, such as {@code data-partition-1}
 * @param leader the member id of the leader this server knows of for its term
 * @param commitIndex the highest log index this server knows a majority to hold
 * @param lastApplied the highest log index this server has applied to its state machine
 */
public record RaftServerState(String partition, RaftRole role, Long term, String leader, Long commitIndex,
		Long lastApplied, Duration electionTimeout, Duration heartbeatInterval) {

	public static final RaftServerState UNKNOWN = new RaftServerState(null, null, null, null, null, null, null, null);

}
