package dev.paxoshub.consensus.raft;

import java.time.Duration;

import io.atomix.storage.StorageLevel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a node runs its Raft member, {@code paxoshub.raft.*}.
 *
 * @param enabled whether the node runs a Raft member at all; without one consensus cannot
 * be switched on (tests of the OFF mode save the start-up cost)
 * @param operationTimeout how long a write waits for the cluster before the node answers
 * that it cannot reach a majority (or that the outcome is unknown)
 * @param startTimeout how long a node may take to join its Raft group before its member
 * is started again
 * @param sessionTimeout how long Atomix keeps a client session of an unresponsive member
 * @param electionTimeout how long a follower waits without hearing from its leader before
 * it calls an election (Atomix itself would wait 2.5 s); applied once the member is ready
 * @param heartbeatInterval how often a leader tells its followers it is still there
 * (Atomix itself: 250 ms); must stay well below the election timeout
 * @param resendAfter how long an operation may wait before the member's client is asked
 * to resend what it waits for to the current leader (Atomix's own retries pause a second
 * or more)
 * @param storage how each member keeps its Raft logs under its data folder:
 * {@code mapped} (memory-mapped segment files) or {@code disk} (a file write per entry,
 * which the claim benchmark measured at about twice the latency on this machine); neither
 * forces a sync to the device on commit, so both survive a killed process, not a power
 * cut
 * @param catchUpInterval how often a node compares its whole database with the agreed
 * map, on top of the commit events it applies as they come and a comparison whenever its
 * member joins, gets a new session or sees a majority again
 */
@ConfigurationProperties("paxoshub.raft")
public record RaftSettings(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration operationTimeout,
		@DefaultValue("45s") Duration startTimeout, @DefaultValue("5s") Duration sessionTimeout,
		@DefaultValue("300ms") Duration electionTimeout, @DefaultValue("50ms") Duration heartbeatInterval,
		@DefaultValue("100ms") Duration resendAfter, @DefaultValue("mapped") StorageLevel storage,
		@DefaultValue("30s") Duration catchUpInterval) {
}
