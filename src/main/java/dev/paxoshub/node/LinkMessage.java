package dev.paxoshub.node;

import java.time.Instant;

/**
 * One message between two nodes as the sending node saw it: when it went, when (and how)
 * it was answered.
 *
 * @param sent when the sending node handed it to the network
 * @param answered when its answer arrived; null for a message that wants none, or none
 * came
 * @param from the sending node
 * @param to the receiving node
 * @param kind what it was: {@code vote}, {@code poll}, {@code append} (entries and
 * heartbeats), {@code client} (operations of a client session), {@code membership},
 * {@code replica} (consensus OFF's pushes), or {@code other}
 * @param outcome {@code granted} or {@code denied} for a vote or poll, {@code ok},
 * {@code failed} (no answer in time, or an error), or {@code dropped} (a cut link never
 * let it out)
 * @param term the Raft term the message was sent in, for votes, polls and appends; null
 * otherwise
 */
public record LinkMessage(Instant sent, Instant answered, String from, String to, String kind, String outcome,
		Long term) {
}
