package dev.paxoshub.home;

import java.util.Locale;

import dev.paxoshub.story.Exchange;
import dev.paxoshub.story.Recording.SideRecord;
import dev.paxoshub.story.Recording.Verdict;

/**
 * One side of the story page: a cluster at the step the viewer looks at, what it was told
 * and what it answered, how it looked just after, and its verdict once the play is over.
 * Every method a template calls is public.
 *
 * @param cluster the cluster's name, such as {@code off}
 * @param mode {@code ON} or {@code OFF}; null while no node has said
 * @param side what the step did on this cluster; null before the first step
 * @param verdict what the end state says; null until the play has finished
 */
record StoryColumn(String cluster, String mode, SideRecord side, Verdict verdict) {

	/** "off — consensus OFF" */
	public String heading() {
		return this.cluster + " — "
				+ ((this.mode != null) ? "consensus " + this.mode.toUpperCase(Locale.ROOT) : "mode not known yet");
	}

	public Exchange exchange() {
		return (this.side != null) ? this.side.exchange() : null;
	}

	/** Whether the step was an action that came back with a page to show again. */
	public boolean hasPage() {
		Exchange exchange = exchange();
		return exchange != null && exchange.page() != null && !exchange.page().isEmpty();
	}

	/** The node that answered, or the front door when none said it did. */
	public String servedBy() {
		Exchange exchange = exchange();
		return (exchange != null && exchange.servedBy() != null) ? displayName(exchange.servedBy()) : "the front door";
	}

	/** Where the actor sent the request: a node by name, or the front door to choose. */
	public String askedOf() {
		Exchange exchange = exchange();
		return (exchange != null && exchange.askedNode() != null) ? displayName(exchange.askedNode())
				: "the front door";
	}

	/**
	 * How the answer reads at a glance: {@code ok}, {@code missing} (a 4xx, such as a
	 * 404) or {@code refused} (a 5xx, such as a node without a majority).
	 */
	public String answer() {
		Exchange exchange = exchange();
		if (exchange == null || exchange.status() < 400) {
			return "ok";
		}
		return (exchange.status() < 500) ? "missing" : "refused";
	}

	public static String displayName(String node) {
		return node.isEmpty() ? node : Character.toUpperCase(node.charAt(0)) + node.substring(1);
	}

}
