package dev.paxoshub.story;

import java.time.Duration;
import java.util.List;

/**
 * A fault, or its end, applied the same way to every cluster through the home's chaos
 * API.
 *
 * @param node the node it strikes; null only for {@code heal}, which then heals the whole
 * cluster
 * @param from for {@code partition}: the peers cut off (empty: every peer)
 * @param direction for {@code partition}: {@code both}, {@code in} or {@code out}
 * @param delayMs for {@code slow}: the delay added to each message to a peer
 * @param emptyDisk for {@code revive}: the node comes back as a new server, with nothing
 * stored
 */
public record ChaosStep(int line, ChaosAction action, String node, List<String> from, String direction, Long delayMs,
		boolean emptyDisk, Narration say, Duration pause) implements Step {

	public ChaosStep {
		from = List.copyOf(from);
	}

}
