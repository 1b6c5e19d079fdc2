package dev.paxoshub.properties;

import java.time.Instant;

/**
 * @param holds whether the property holds now
 * @param evidence one sentence a person can check, for example "Neo lacks 2 accounts
 * Morpheus holds (paxosexpert, oracle), since 14:02:11 UTC."
 * @param since when the property last changed from holding to not holding or back
 */
public record Verdict(Property property, boolean holds, String evidence, Instant since) {
}
