package dev.paxoshub.home;

import java.util.List;
import java.util.Objects;

import dev.paxoshub.story.Recording;
import dev.paxoshub.story.Recording.StepRecord;

/**
 * What the story page shows below its controls: one play, side by side, at the step the
 * viewer chose (or the latest one, while following), with its timeline. Every method a
 * template calls is public.
 *
 * @param play the play shown; null when nothing is being played
 * @param step the step shown; null before the first one
 * @param follow whether the page moves on to each new step as it is played
 * @param resetting whether the stage is bringing every cluster back to empty
 * @param resetProblem why the last reset did not finish; null when it did
 * @param columns one per cluster, in the order the home shows them
 */
record StoryScreen(Recording play, StepRecord step, boolean follow, boolean resetting, String resetProblem,
		List<StoryColumn> columns) {

	StoryScreen {
		columns = List.copyOf(columns);
	}

	/** {@code idle}, {@code resetting}, or the play's state. */
	public String state() {
		if (this.play != null) {
			return this.play.state();
		}
		return this.resetting ? "resetting" : "idle";
	}

	/**
	 * Whether the page asks again every second: something is under way, or nothing is
	 * played yet and a play may start at any moment.
	 */
	public boolean live() {
		return this.play == null || !this.play.finished();
	}

	public int played() {
		return (this.play != null) ? this.play.steps().size() : 0;
	}

	public int shown() {
		return (this.step != null) ? this.step.index() : 0;
	}

	/** The play and its state in a sentence, as a viewer would put it. */
	public String status() {
		if (this.play == null) {
			if (this.resetting) {
				return "Both clusters are being brought back to empty.";
			}
			return (this.resetProblem != null) ? "The last reset did not finish: " + this.resetProblem
					: "Nothing is being played right now.";
		}
		int of = this.play.stepCount();
		return switch (this.play.state()) {
			case "resetting" -> "Bringing both clusters back to empty before the first step.";
			case "waiting for the clusters" -> "Waiting until every node of both clusters is up and takes writes.";
			case "ready" -> "Ready: the first of " + of + " steps is next.";
			case "playing" -> "Playing: " + played() + " of " + of + " steps done.";
			case "paused" -> "Paused after " + played() + " of " + of + " steps.";
			case "finished" -> "Finished: all " + of + " steps played on both clusters.";
			default -> "Stopped after " + played() + " of " + of + " steps"
					+ ((this.play.problem() != null) ? ": " + this.play.problem() : ".");
		};
	}

	/**
	 * Changes whenever what the page shows does, so that a page asking again can be told
	 * that nothing did, and keep its frames as they are.
	 */
	public String version() {
		List<String> modes = this.columns.stream().map(StoryColumn::mode).toList();
		int hash = (this.play != null)
				? Objects.hash(this.play.id(), this.play.state(), this.play.problem(), played(),
						this.play.verdicts().keySet(), shown(), this.follow, modes)
				: Objects.hash(this.resetting, this.resetProblem, modes);
		return Integer.toHexString(hash);
	}

}
