package dev.paxoshub.home;

import java.util.List;
import java.util.Optional;

import dev.paxoshub.story.Exchange;
import dev.paxoshub.story.Recording;
import dev.paxoshub.story.Recording.SideRecord;
import dev.paxoshub.story.Recording.StepRecord;
import dev.paxoshub.story.StoryPlay;
import dev.paxoshub.story.StoryStage;

import org.springframework.stereotype.Component;

/**
 * Finds what the story page shows: a play the stage keeps, at the step asked for, with
 * each cluster's mode from the home's watch until a step has said it.
 */
@Component
class StoryScreens {

	private final StoryStage stage;

	private final Clusters clusters;

	private final ClusterWatch watch;

	StoryScreens(StoryStage stage, Clusters clusters, ClusterWatch watch) {
		this.stage = stage;
		this.clusters = clusters;
		this.watch = watch;
	}

	/**
	 * @param playId a play the stage keeps; null for the one in progress, if any
	 * @param step from 1; null for the latest
	 * @param follow whether to show the latest step whatever the one asked for
	 * @throws NotOnTheHomeException when the stage keeps no such play
	 */
	StoryScreen screen(String playId, Integer step, boolean follow) {
		Recording play = (playId != null) ? recording(playId)
				: this.stage.current().map(StoryPlay::recording).orElse(null);
		boolean resetting = this.stage.isResetting();
		String resetProblem = this.stage.resetProblem();
		if (play == null) {
			List<StoryColumn> columns = this.clusters.all()
				.stream()
				.map((cluster) -> new StoryColumn(cluster.name(), modeNow(cluster.name()), null, null))
				.toList();
			return new StoryScreen(null, null, true, resetting, resetProblem, columns);
		}
		int played = play.steps().size();
		boolean following = follow || step == null || step >= played;
		StepRecord shown = (played == 0) ? null : play.steps().get(following ? played - 1 : Math.max(step, 1) - 1);
		List<StoryColumn> columns = play.sides().stream().map((side) -> column(play, shown, side)).toList();
		return new StoryScreen(play, shown, following, resetting, resetProblem, columns);
	}

	/**
	 * The page the actor was served at that step, on that side, as it came back.
	 * @throws NotOnTheHomeException when there is none
	 */
	String page(String playId, int step, String side) {
		Recording play = recording(playId);
		return Optional.of(play.steps())
			.filter((steps) -> step >= 1 && step <= steps.size())
			.map((steps) -> steps.get(step - 1).sides().get(side))
			.map(SideRecord::exchange)
			.map(Exchange::page)
			.filter((page) -> !page.isEmpty())
			.orElseThrow(() -> new NotOnTheHomeException(
					"Play " + playId + " has no page for step " + step + " on cluster " + side + "."));
	}

	private Recording recording(String playId) {
		return this.stage.play(playId)
			.orElseThrow(() -> new NotOnTheHomeException(
					"There is no play " + playId + ": the home keeps the last few, and none from before it started."))
			.recording();
	}

	private StoryColumn column(Recording play, StepRecord shown, String side) {
		SideRecord record = (shown != null) ? shown.sides().get(side) : null;
		String mode = (record != null && record.mode() != null) ? record.mode() : modeNow(side);
		return new StoryColumn(side, mode, record, play.verdicts().get(side));
	}

	private String modeNow(String cluster) {
		return this.clusters.named(cluster).map((supervisor) -> this.watch.snapshot(supervisor).mode()).orElse(null);
	}

}
