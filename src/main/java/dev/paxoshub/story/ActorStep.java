package dev.paxoshub.story;

import java.time.Duration;
import java.util.Map;

/**
 * An actor doing something on a site, as a person in a browser would.
 *
 * @param actor who does it; each actor keeps a session (cookies) per cluster
 * @param action what they do
 * @param node the node the request is sent to through the front door, or null to let the
 * front door choose
 * @param fields the action's fields by their file names ({@code username}, {@code bio},
 * ...), only those the action takes
 * @param expect what the viewer should notice, checked against what came back
 */
public record ActorStep(int line, String actor, Action action, String node, Map<String, String> fields, Narration say,
		Expectations expect, Duration pause) implements Step {

	public ActorStep {
		fields = Map.copyOf(fields);
	}

	public String field(String name) {
		return this.fields.get(name);
	}

}
