package dev.paxoshub.properties;

import java.time.Instant;

/**
 * A write the front door passed back to its client as a success.
 *
 * @param accountId the account written
 * @param username its name, for sentences
 * @param stamp the version stamp of the account right after the write (see
 * {@link VersionStamp})
 * @param at when the front door saw the answer
 * @param node the node that answered
 */
public record AcknowledgedWrite(String accountId, String username, String stamp, Instant at, String node) {
}
