package dev.paxoshub.properties;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * When each breach still in sight was first seen. A breach counts only once it has lasted
 * the settle period: the observer reads the nodes' databases one after the other, and a
 * database may take some milliseconds to receive what another node already shows, so a
 * breach seen in one look only is not yet evidence. Keying a breach by what exactly is
 * missing (this version of that account, this write on that node) keeps a stream of
 * short, different delays from looking like one long one.
 *
 * @param <K> what identifies one breach
 */
final class Sightings<K> {

	private final Duration settle;

	private Map<K, Instant> firstSeen = new HashMap<>();

	Sightings(Duration settle) {
		this.settle = settle;
	}

	/**
	 * Remembers the breaches seen now, forgetting those no longer seen (one that comes
	 * back starts again).
	 */
	void see(Collection<K> breaches, Instant now) {
		Map<K, Instant> seen = new HashMap<>();
		for (K breach : breaches) {
			seen.put(breach, this.firstSeen.getOrDefault(breach, now));
		}
		this.firstSeen = seen;
	}

	Instant firstSeen(K breach) {
		return this.firstSeen.get(breach);
	}

	boolean lasted(K breach, Instant now) {
		Instant first = this.firstSeen.get(breach);
		return first != null && !first.plus(this.settle).isAfter(now);
	}

	Duration settle() {
		return this.settle;
	}

	void forget() {
		this.firstSeen = new HashMap<>();
	}

}
