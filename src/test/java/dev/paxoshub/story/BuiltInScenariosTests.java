package dev.paxoshub.story;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios paxoshub comes with are read as the home reads them when it starts: one
 * that does not read would stop the home.
 */
class BuiltInScenariosTests {

	private final StoryStage stage = new StoryStage(() -> {
		throw new IllegalStateException("No play here");
	}, List.of("morpheus", "neo", "trinity"));

	@Test
	void theArticlesStoryComesFirstAndAtLeastThreeOthersFollow() {
		assertThat(this.stage.builtIns()).extracting(BuiltInScenario::name)
			.startsWith("the-story")
			.contains("leader-cut-off", "mom-behind-a-minority", "flaky-morpheus");
	}

	@Test
	void theStoryHasEveryBeatOfTheArticle() {
		Scenario story = this.stage.builtIn("the-story").orElseThrow().scenario();
		List<String> beats = story.steps().stream().map(StoryPlay::headline).toList();
		assertThat(beats).containsSubsequence("chaos: partition Morpheus", "you: sign-up on Morpheus",
				"you: sign-in on Neo", "you: open-profile on Neo", "you: sign-up on Morpheus", "you: sign-up on Neo",
				"you: edit-profile on Neo", "you: create-repo on Neo", "you: open-profile on Morpheus",
				"mom: open-profile on Trinity", "mom: open-profile on Trinity");
		assertThat(story.actors()).containsOnlyKeys("you", "mom");
	}

	@Test
	void everyStepSaysSomethingToTheViewer() {
		this.stage.builtIns()
			.forEach((builtIn) -> assertThat(builtIn.scenario().steps()).as(builtIn.name())
				.allSatisfy((step) -> assertThat(step.say().common().isEmpty() && step.say().byMode().isEmpty())
					.isFalse()));
	}

}
