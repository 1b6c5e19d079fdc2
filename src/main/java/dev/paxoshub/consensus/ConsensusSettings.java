package dev.paxoshub.consensus;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mode a node starts in, {@code paxoshub.consensus}: {@code on} or {@code off}. It
 * can be switched while the node runs, and a node that comes back takes the mode of its
 * peers.
 */
@ConfigurationProperties("paxoshub")
public record ConsensusSettings(@DefaultValue("off") ConsensusMode consensus) {
}
