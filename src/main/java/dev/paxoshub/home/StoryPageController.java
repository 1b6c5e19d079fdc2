package dev.paxoshub.home;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.paxoshub.story.BuiltInScenario;
import dev.paxoshub.story.HomeRefusedException;
import dev.paxoshub.story.InvalidScenarioException;
import dev.paxoshub.story.Scenario;
import dev.paxoshub.story.ScenarioError;
import dev.paxoshub.story.StoryPlay;
import dev.paxoshub.story.StoryStage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The story played on both clusters at once, side by side, for everyone to watch; the
 * operator chooses the scenario and plays, pauses, steps and resets (see HomeSecurity).
 * The columns are a fragment that htmx asks for again every second while something is
 * under way; without JavaScript every link and form still works, a page at a time.
 */
@Controller
@RequestMapping("/story")
class StoryPageController {

	static final String VIEW = "home/story";

	static final String VIEW_FRAGMENT = "home/story-sections :: view";

	/** As much as the engine reads of a scenario file. */
	static final int MAX_UPLOAD = 64 * 1024;

	private final StoryStage stage;

	private final StoryScreens screens;

	StoryPageController(StoryStage stage, StoryScreens screens) {
		this.stage = stage;
		this.screens = screens;
	}

	@GetMapping
	String page(@RequestParam(required = false) String play, @RequestParam(required = false) Integer step,
			Authentication caller, Model model) {
		show(model, caller, this.screens.screen(play, step, step == null));
		return VIEW;
	}

	/**
	 * The columns and the timeline alone. {@code seen} is the version the page already
	 * shows: when nothing changed the answer is empty (204), which htmx leaves alone, so
	 * the recorded pages in their frames are not loaded again every second.
	 */
	@GetMapping("/view")
	String view(@RequestParam(required = false) String play, @RequestParam(required = false) Integer step,
			@RequestParam(defaultValue = "true") boolean follow, @RequestParam(required = false) String seen,
			Model model, HttpServletResponse response) {
		StoryScreen screen = this.screens.screen(play, step, follow);
		if (screen.version().equals(seen)) {
			// With the response in hand and no view, Spring MVC sends the status alone.
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return null;
		}
		model.addAttribute("screen", screen);
		return VIEW_FRAGMENT;
	}

	/**
	 * The page an actor was served, for the sandboxed frame of the story page; its own
	 * security chain (HomeSecurity) sends the headers that keep it inert.
	 */
	@GetMapping("/plays/{id}/steps/{step}/{side}/page")
	ResponseEntity<String> recordedPage(@PathVariable String id, @PathVariable int step, @PathVariable String side) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.body(this.screens.page(id, step, side));
	}

	/**
	 * Plays an uploaded file, else a pasted one, else the built-in scenario chosen. A
	 * file that cannot be played comes back with every error in it, and what was pasted
	 * stays in the box to be fixed.
	 */
	@PostMapping("/play")
	ModelAndView play(@RequestParam(required = false) String scenario, @RequestParam(required = false) String text,
			@RequestParam(required = false) MultipartFile upload, @RequestParam(defaultValue = "false") boolean reset,
			@RequestParam(defaultValue = "normal") String speed, Authentication caller, Model model,
			RedirectAttributes redirect) {
		PlayChoice choice = new PlayChoice(scenario, (text != null) ? text : "", reset, speed);
		if (upload != null && !upload.isEmpty()) {
			if (upload.getSize() > MAX_UPLOAD) {
				return invalid(model, caller, choice, List.of(new ScenarioError(1, "The file is longer than 64 KB.",
						"Tell a shorter story, or split it in two.")));
			}
			choice = choice.withText(read(upload));
		}
		Optional<Duration> beat = beat(speed);
		if (beat.isEmpty()) {
			return refused(model, caller, choice, HttpStatus.BAD_REQUEST, "The speed is normal or fast.");
		}
		Scenario chosen;
		try {
			Optional<Scenario> read = choice.text().isBlank() ? builtIn(scenario).map(BuiltInScenario::scenario)
					: Optional.of(this.stage.read(choice.text()));
			if (read.isEmpty()) {
				return refused(model, caller, choice, HttpStatus.BAD_REQUEST,
						"Choose a built-in scenario, or paste or upload one of your own.");
			}
			chosen = read.get();
		}
		catch (InvalidScenarioException ex) {
			return invalid(model, caller, choice, ex.errors());
		}
		try {
			this.stage.start(chosen, reset, beat.get(), true);
		}
		catch (HomeRefusedException ex) {
			return refused(model, caller, choice, refusal(ex), ex.getMessage());
		}
		redirect.addFlashAttribute("choice", choice);
		redirect.addFlashAttribute("notice", new StoryNotice(true, "Playing \u201c" + chosen.title() + "\u201d"
				+ (reset ? ", once both clusters are back to empty." : " on both clusters as they are.")));
		return backToTheStory();
	}

	@PostMapping("/{control:pause|step|resume}")
	ModelAndView control(@PathVariable String control, RedirectAttributes redirect) {
		Optional<StoryPlay> current = this.stage.current();
		StoryNotice notice;
		if (current.isEmpty()) {
			notice = new StoryNotice(false, "Nothing is being played: choose a scenario and press Play.");
		}
		else if (current.get().finished()) {
			notice = new StoryNotice(false, "That play is over: choose a scenario and press Play to play again.");
		}
		else {
			StoryPlay play = current.get();
			notice = switch (control) {
				case "pause" -> {
					play.pause();
					yield new StoryNotice(true, "Paused: the step under way finishes, then the play waits.");
				}
				case "step" -> {
					play.step();
					yield new StoryNotice(true, "One step, then the play waits again.");
				}
				default -> {
					play.play();
					yield new StoryNotice(true, "Playing on.");
				}
			};
		}
		redirect.addFlashAttribute("notice", notice);
		return backToTheStory();
	}

	/** Stops the play and brings both clusters back to empty, in the background. */
	@PostMapping("/reset")
	ModelAndView reset(RedirectAttributes redirect) {
		StoryNotice notice;
		try {
			this.stage.reset();
			notice = new StoryNotice(true,
					"Both clusters are being brought back to empty; this page shows when they are.");
		}
		catch (HomeRefusedException ex) {
			notice = new StoryNotice(false, ex.getMessage());
		}
		redirect.addFlashAttribute("notice", notice);
		return backToTheStory();
	}

	private void show(Model model, Authentication caller, StoryScreen screen) {
		model.addAttribute("screen", screen);
		model.addAttribute("operator", DashboardController.isOperator(caller));
		List<BuiltInScenario> builtIns = this.stage.builtIns();
		model.addAttribute("builtIns", builtIns);
		if (!model.containsAttribute("choice")) {
			model.addAttribute("choice",
					new PlayChoice(builtIns.isEmpty() ? null : builtIns.get(0).name(), "", true, "normal"));
		}
	}

	private ModelAndView invalid(Model model, Authentication caller, PlayChoice choice, List<ScenarioError> errors) {
		model.addAttribute("scenarioErrors", errors);
		return refused(model, caller, choice, HttpStatus.BAD_REQUEST,
				"The scenario has " + errors.size() + ((errors.size() == 1) ? " mistake" : " mistakes")
						+ "; nothing was played. Put " + ((errors.size() == 1) ? "it" : "them")
						+ " right and play again.");
	}

	/** The page again, with the choices as they were, and why nothing was played. */
	private ModelAndView refused(Model model, Authentication caller, PlayChoice choice, HttpStatus status,
			String message) {
		model.addAttribute("choice", choice);
		model.addAttribute("notice", new StoryNotice(false, message));
		show(model, caller, this.screens.screen(null, null, true));
		return new ModelAndView(VIEW, status);
	}

	private Optional<BuiltInScenario> builtIn(String name) {
		return (name == null || name.isBlank()) ? Optional.empty() : this.stage.builtIn(name);
	}

	private static HttpStatus refusal(HomeRefusedException ex) {
		HttpStatus status = HttpStatus.resolve(ex.status());
		return (status != null && status.isError()) ? status : HttpStatus.BAD_GATEWAY;
	}

	private static Optional<Duration> beat(String speed) {
		return switch (speed) {
			case "normal" -> Optional.of(StoryStage.NORMAL_BEAT);
			case "fast" -> Optional.of(Duration.ZERO);
			default -> Optional.empty();
		};
	}

	private static String read(MultipartFile upload) {
		try {
			return new String(upload.getBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A 303, so that a reload of the page never posts again. */
	private static ModelAndView backToTheStory() {
		RedirectView story = new RedirectView("/story", true, false);
		story.setExposeModelAttributes(false);
		return new ModelAndView(story);
	}

	/**
	 * What the operator chose, kept when the page comes back.
	 *
	 * @param scenario the built-in scenario's name
	 * @param text a scenario file pasted or uploaded, played instead when not blank
	 */
	record PlayChoice(String scenario, String text, boolean reset, String speed) {

		PlayChoice withText(String file) {
			return new PlayChoice(this.scenario, file, this.reset, this.speed);
		}

	}

	/**
	 * @param done whether what was asked is under way; the message says what, or why not
	 */
	record StoryNotice(boolean done, String message) {
	}

}
