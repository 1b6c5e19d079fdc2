package dev.paxoshub.home;

import java.time.Instant;

/**
 * Something that happened to a cluster, for its timeline.
 *
 * @param kind {@code chaos} (an operator's action), {@code election} (a new term),
 * {@code leader} (a new leader), {@code mode} (consensus switched), {@code refusal} (a
 * node refused a write for want of a majority), {@code node} (a node went away or came
 * back)
 * @param text what happened, as a sentence
 */
public record TimelineEvent(Instant at, String kind, String text) {
}
