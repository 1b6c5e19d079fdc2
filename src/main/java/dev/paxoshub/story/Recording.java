package dev.paxoshub.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Everything a play did and saw, step by step and side by side: what the page and the
 * headless runner show, and what a slider rewinds to. It is plain data, written as JSON
 * as it is.
 *
 * @param id the play's id
 * @param title the scenario's title
 * @param sides the clusters it played on, by name, in the order they are shown
 * @param state {@code resetting} or {@code waiting for the clusters} before the first
 * step, then {@code ready}, {@code playing}, {@code paused}, and at the end
 * {@code finished} or {@code failed}
 * @param problem why it failed; null otherwise
 * @param stepCount how many steps the scenario has
 * @param steps the steps played so far
 * @param verdicts each side's verdict, once the play has finished
 */
public record Recording(String id, String title, String summary, List<String> sides, String state, String problem,
		int stepCount, List<StepRecord> steps, Map<String, Verdict> verdicts, Instant startedAt, Instant finishedAt) {

	public Recording {
		sides = List.copyOf(sides);
		steps = List.copyOf(steps);
		verdicts = Map.copyOf(verdicts);
	}

	public boolean finished() {
		return "finished".equals(this.state) || "failed".equals(this.state);
	}

	/** Whether every step's stated expectation held on every side. */
	public boolean expectationsHeld() {
		return this.steps.stream()
			.flatMap((step) -> step.sides().values().stream())
			.allMatch((side) -> side.checked() == null || side.checked().held());
	}

	/**
	 * @param index from 1
	 * @param line the scenario file's line
	 * @param kind {@code action}, {@code chaos} or {@code wait}
	 * @param headline what the step is, in a few words ("you: sign-up on Morpheus")
	 */
	public record StepRecord(int index, int line, String kind, String headline, Instant at,
			Map<String, SideRecord> sides) {

		public StepRecord {
			sides = Map.copyOf(sides);
		}

	}

	/**
	 * One side of a step.
	 *
	 * @param mode the consensus mode the side's nodes reported
	 * @param narration what the viewer is told
	 * @param exchange what the actor sent and got; null for a fault or a wait
	 * @param outcome a fault's or a wait's result, in a sentence; null for an action
	 * @param checked the step's expectation for this side, checked; null when it had none
	 * @param cluster the cluster just after the step
	 */
	public record SideRecord(String mode, String narration, Exchange exchange, String outcome, Checked checked,
			ClusterState cluster) {
	}

	/**
	 * @param notice what the viewer should notice
	 * @param held whether what came back says so
	 * @param detail what came back, where it did not
	 */
	public record Checked(String notice, boolean held, String detail) {
	}

	/**
	 * @param shown for the scenario's usernames at the end: which account each node
	 * answers with ({@code none} when it knows none, {@code refused} when it would not
	 * say)
	 */
	public record ClusterState(String mode, List<NodeState> nodes, List<PropertyState> properties,
			Map<String, Map<String, String>> shown) {

		public ClusterState {
			nodes = List.copyOf(nodes);
			properties = List.copyOf(properties);
			shown = Map.copyOf(shown);
		}

	}

	public record NodeState(String name, boolean up, String condition, String role, Long term, boolean writable,
			List<AccountState> accounts) {

		public NodeState {
			accounts = List.copyOf(accounts);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	/**
	 * @param lineage the stamps of its latest changes, oldest first, as the node keeps
	 * them
	 */
	public record AccountState(String id, String username, String originNode, long revision, int repoCount,
			boolean released, List<String> lineage) {

		public AccountState {
			lineage = (lineage != null) ? List.copyOf(lineage) : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record PropertyState(String property, String title, String verdict, String evidence) {
	}

	/**
	 * @param lines what the end state says, one sentence each
	 * @param expectationsHeld whether every expectation of this side held
	 */
	public record Verdict(List<String> lines, boolean expectationsHeld) {

		public Verdict {
			lines = List.copyOf(lines);
		}

	}

}
