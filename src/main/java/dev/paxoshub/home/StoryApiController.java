package dev.paxoshub.home;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.paxoshub.story.BuiltInScenario;
import dev.paxoshub.story.Recording;
import dev.paxoshub.story.RecordingText;
import dev.paxoshub.story.Scenario;
import dev.paxoshub.story.StoryPlay;
import dev.paxoshub.story.StoryStage;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scenarios and their plays, for scripts: {@code scripts/story.sh} posts a scenario,
 * follows the play and prints its timeline. Watching is open to all; playing, pausing,
 * stepping and resetting are the operator's.
 */
@RestController
@RequestMapping("/api/story")
class StoryApiController {

	private final StoryStage stage;

	StoryApiController(StoryStage stage) {
		this.stage = stage;
	}

	@GetMapping("/scenarios")
	List<ScenarioSummary> scenarios() {
		return this.stage.builtIns().stream().map(ScenarioSummary::of).toList();
	}

	@GetMapping(path = "/scenarios/{name}", produces = "application/yaml")
	String scenario(@PathVariable String name) {
		return builtIn(name).text();
	}

	/**
	 * Plays a scenario: the file in the body, or a built-in one by name.
	 * @param reset whether both clusters are brought back to empty first
	 * @param speed {@code normal} pauses after each step for a viewer, {@code fast} does
	 * not
	 */
	@PostMapping("/plays")
	ResponseEntity<Recording> play(@RequestBody(required = false) String file,
			@RequestParam(required = false) String scenario, @RequestParam(defaultValue = "true") boolean reset,
			@RequestParam(defaultValue = "normal") String speed) {
		Scenario played = chosen(file, scenario);
		StoryPlay play = this.stage.start(played, reset, beat(speed), true);
		return ResponseEntity.accepted().location(URI.create("/api/story/plays/" + play.id())).body(play.recording());
	}

	@GetMapping("/plays/current")
	Recording current() {
		return this.stage.current()
			.orElseThrow(() -> notFound("Nothing has been played since the home started."))
			.recording();
	}

	@GetMapping("/plays/{id}")
	Recording recording(@PathVariable String id) {
		return play(id).recording();
	}

	@GetMapping(path = "/plays/{id}/text", produces = MediaType.TEXT_PLAIN_VALUE)
	String text(@PathVariable String id) {
		return RecordingText.of(play(id).recording());
	}

	@PostMapping("/plays/{id}/{control}")
	Recording control(@PathVariable String id, @PathVariable String control) {
		StoryPlay play = play(id);
		switch (control) {
			case "play" -> play.play();
			case "pause" -> play.pause();
			case "step" -> play.step();
			default -> throw notFound("A play can be told: play, pause or step; not '" + control + "'.");
		}
		return play.recording();
	}

	/** Stops the play and brings both clusters back to empty, in the background. */
	@PostMapping("/reset")
	ResponseEntity<Map<String, Object>> reset() {
		this.stage.reset();
		return ResponseEntity.accepted().body(Map.of("resetting", true));
	}

	@GetMapping("/reset")
	Map<String, Object> resetState() {
		String problem = this.stage.resetProblem();
		return (problem != null) ? Map.of("resetting", this.stage.isResetting(), "problem", problem)
				: Map.of("resetting", this.stage.isResetting());
	}

	static Duration beat(String speed) {
		return switch (speed) {
			case "normal" -> StoryStage.NORMAL_BEAT;
			case "fast" -> Duration.ZERO;
			default -> throw new ErrorResponseException(HttpStatus.BAD_REQUEST, org.springframework.http.ProblemDetail
				.forStatusAndDetail(HttpStatus.BAD_REQUEST, "speed is normal or fast, not '" + speed + "'."), null);
		};
	}

	private Scenario chosen(String file, String name) {
		if (name != null && !name.isBlank()) {
			return builtIn(name).scenario();
		}
		if (file == null || file.isBlank()) {
			throw problem(HttpStatus.BAD_REQUEST,
					"Send a scenario file as the body, or name a built-in one with ?scenario=.");
		}
		return this.stage.read(file);
	}

	private BuiltInScenario builtIn(String name) {
		return this.stage.builtIn(name)
			.orElseThrow(() -> notFound("There is no built-in scenario '" + name + "'. There are: "
					+ String.join(", ", this.stage.builtIns().stream().map(BuiltInScenario::name).toList()) + "."));
	}

	private StoryPlay play(String id) {
		return this.stage.play(id)
			.orElseThrow(() -> notFound("There is no play " + id + "; the home keeps the last few."));
	}

	private static ErrorResponseException notFound(String detail) {
		return problem(HttpStatus.NOT_FOUND, detail);
	}

	private static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	record ScenarioSummary(String name, String title, String summary, int steps) {

		static ScenarioSummary of(BuiltInScenario builtIn) {
			return new ScenarioSummary(builtIn.name(), builtIn.scenario().title(), builtIn.scenario().summary(),
					builtIn.scenario().steps().size());
		}

	}

}
