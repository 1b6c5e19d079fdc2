package dev.paxoshub.checker;

import java.util.List;
import java.util.Random;

/**
 * What each client does next. Names come from a small pool that moves on every few
 * seconds, so that the clients' claims collide on the same names (the duplicate the
 * article is about) while every name still gets a life of edits and reads after it is
 * claimed.
 */
final class Generator {

	static final String FRONT_DOOR = ClusterScript.FRONT_DOOR;

	private final Random random;

	private final List<String> nodes;

	private final int namesAtOnce;

	private final double windowMs;

	/**
	 * @param namesAtOnce how many names are being claimed at any moment
	 * @param windowMs how long a set of names stays the one to claim
	 */
	Generator(long seed, List<String> nodes, int namesAtOnce, double windowMs) {
		this.random = new Random(seed);
		this.nodes = List.copyOf(nodes);
		this.namesAtOnce = namesAtOnce;
		this.windowMs = windowMs;
	}

	/** The next operation of a client that owns (or may own) {@code owned}. */
	synchronized Planned next(double now, List<String> owned) {
		String via = this.random.nextBoolean() ? FRONT_DOOR : this.nodes.get(this.random.nextInt(this.nodes.size()));
		int roll = this.random.nextInt(100);
		if (roll < 35 && !owned.isEmpty()) {
			// The newest names are where the other clients are reading.
			int from = Math.max(0, owned.size() - 3);
			return new Planned(Op.Kind.EDIT, owned.get(from + this.random.nextInt(owned.size() - from)), via);
		}
		long window = (long) (now / this.windowMs);
		if (roll < 60) {
			return new Planned(Op.Kind.CLAIM, name(window, this.random.nextInt(this.namesAtOnce)), via);
		}
		// Reads look at this window's names and the previous one's, which have edits.
		long readWindow = (window > 0 && this.random.nextBoolean()) ? window - 1 : window;
		return new Planned(Op.Kind.READ, name(readWindow, this.random.nextInt(this.namesAtOnce)), via);
	}

	static String name(long window, int index) {
		return "u" + window + "-" + index;
	}

	record Planned(Op.Kind kind, String key, String via) {
	}

}
