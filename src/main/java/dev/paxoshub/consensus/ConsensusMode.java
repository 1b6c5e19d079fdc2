package dev.paxoshub.consensus;

import java.util.Arrays;
import java.util.Optional;

/** The one switch of the demo: whether nodes agree before they write. */
public enum ConsensusMode {

	/** Every node writes locally and tells its peers afterwards, when it can. */
	OFF,

	/** Nodes agree through Raft before a write counts. */
	ON;

	/**
	 * "on" or "off" in any case, as people and the API write it; empty for anything else.
	 */
	public static Optional<ConsensusMode> parse(String text) {
		return Arrays.stream(values()).filter((mode) -> mode.name().equalsIgnoreCase(text)).findFirst();
	}

}
