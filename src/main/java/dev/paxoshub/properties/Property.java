package dev.paxoshub.properties;

/** The properties of consensus, as the article names them. */
public enum Property {

	/** Every node that is up and connected holds the same accounts. */
	COHERENCE,

	/** No name stands for two different live accounts. */
	CONFLICT_RESOLUTION,

	/** Nothing the cluster acknowledged is ever forgotten or rolled back. */
	NO_DECOHERENCE,

	/** The three above hold while nodes are down or cut off. */
	SAFETY,

	/** Writes succeed while a majority is up and connected. */
	LIVENESS

}
