package dev.paxoshub.story;

import java.util.List;
import java.util.Map;

/**
 * A scenario as its file says it, checked: every name in it is known, every step
 * complete.
 *
 * @param title what the story is called
 * @param summary what it shows, in a sentence or two; may be empty
 * @param actors who takes part, by name, with a line about each
 * @param steps what happens, in order
 */
public record Scenario(String title, String summary, Map<String, String> actors, List<Step> steps) {

	public Scenario {
		actors = Map.copyOf(actors);
		steps = List.copyOf(steps);
	}

}
