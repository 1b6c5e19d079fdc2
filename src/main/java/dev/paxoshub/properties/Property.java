package dev.paxoshub.properties;

/** The properties of consensus, as the article names them. */
public enum Property {

	/** Every node that is up and connected holds the same accounts. */
	COHERENCE("Coherence"),

	/** No name stands for two different live accounts. */
	CONFLICT_RESOLUTION("Conflict resolution"),

	/** Nothing the cluster acknowledged is ever forgotten or rolled back. */
	NO_DECOHERENCE("No decoherence"),

	/** The three above hold while nodes are down or cut off. */
	SAFETY("Safety"),

	/** Writes succeed while a majority is up and connected. */
	LIVENESS("Liveness");

	private final String title;

	Property(String title) {
		this.title = title;
	}

	/** The property's name as a page shows it. */
	public String title() {
		return this.title;
	}

}
