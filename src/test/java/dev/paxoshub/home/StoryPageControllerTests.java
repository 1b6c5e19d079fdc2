package dev.paxoshub.home;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.story.BuiltInScenario;
import dev.paxoshub.story.Exchange;
import dev.paxoshub.story.HomeRefusedException;
import dev.paxoshub.story.InvalidScenarioException;
import dev.paxoshub.story.Recording;
import dev.paxoshub.story.Recording.AccountState;
import dev.paxoshub.story.Recording.Checked;
import dev.paxoshub.story.Recording.ClusterState;
import dev.paxoshub.story.Recording.NodeState;
import dev.paxoshub.story.Recording.PropertyState;
import dev.paxoshub.story.Recording.SideRecord;
import dev.paxoshub.story.Recording.StepRecord;
import dev.paxoshub.story.Recording.Verdict;
import dev.paxoshub.story.ScenarioError;
import dev.paxoshub.story.StoryPlay;
import dev.paxoshub.story.StoryStage;
import dev.paxoshub.support.FreePorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The story page of the home, on two clusters whose nodes are all down. The stage is a
 * mock, so that no play runs; it reads scenarios and knows its built-in ones as the real
 * stage does, by asking one.
 */
@SpringBootTest(classes = { HomeApplication.class, StoryPageControllerTests.TwoClusters.class },
		properties = { "paxoshub.admin.password=operator-password-for-tests", "paxoshub.role=home",
				"spring.autoconfigure.exclude="
						+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@AutoConfigureMockMvc
class StoryPageControllerTests {

	/** The real stage's reader and built-in scenarios; it never plays. */
	private static final StoryStage READER = new StoryStage(() -> {
		throw new AssertionError("the reader plays nothing");
	}, List.of("morpheus", "neo", "trinity"));

	private static final String BROKEN = """
			title: Broken
			actors:
			  you: You
			steps:
			  - actor: you
			    do: fly-away
			    on: morpheus
			""";

	private static final String PAGE = "<!DOCTYPE html><html><body><h1>Welcome to paxoshub, paxosexpert</h1>"
			+ "<script>alert('never runs')</script></body></html>";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private StoryStage stage;

	private final StoryPlay play = mock(StoryPlay.class);

	@BeforeEach
	void aStageThatReadsAsTheRealOneDoes() {
		given(this.stage.builtIns()).willReturn(READER.builtIns());
		given(this.stage.builtIn(anyString()))
			.willAnswer((invocation) -> READER.builtIn(invocation.getArgument(0, String.class)));
		given(this.stage.read(anyString()))
			.willAnswer((invocation) -> READER.read(invocation.getArgument(0, String.class)));
		given(this.play.id()).willReturn("7");
	}

	@Test
	void theStoryApiRefusesAnonymousAndWrongCallersAndPlaysNothing() throws Exception {
		for (String path : List.of("/api/story/plays?scenario=the-story", "/api/story/reset",
				"/api/story/plays/7/step")) {
			this.mvc.perform(post(path)).andExpect(status().isUnauthorized());
			this.mvc.perform(post(path).with(httpBasic("admin", "not-the-password")))
				.andExpect(status().isUnauthorized());
		}
		then(this.stage).should(never()).start(any(), anyBoolean(), any(), anyBoolean());
		then(this.stage).should(never()).reset();
	}

	@Test
	void theStoryApiAnswersBadInputWithA4xxAndPlaysNothing() throws Exception {
		this.mvc.perform(post("/api/story/plays").with(apiOperator()).contentType("application/yaml").content(BROKEN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(6))
			.andExpect(jsonPath("$.errors[0].message", containsString("fly-away")));
		this.mvc.perform(post("/api/story/plays?scenario=the-story&speed=warp").with(apiOperator()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("normal or fast")));
		this.mvc.perform(post("/api/story/plays?scenario=no-such-story").with(apiOperator()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("the-story")));
		this.mvc.perform(post("/api/story/plays").with(apiOperator())).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/story/plays/99")).andExpect(status().isNotFound());
		then(this.stage).should(never()).start(any(), anyBoolean(), any(), anyBoolean());
	}

	private static RequestPostProcessor apiOperator() {
		return httpBasic("admin", "operator-password-for-tests");
	}

	@Test
	void anyoneSeesThePlayInProgressButNoControls() throws Exception {
		playing(recording("playing", Map.of()));
		this.mvc.perform(get("/story"))
			.andExpect(status().isOk())
			.andExpect(view().name(StoryPageController.VIEW))
			.andExpect(content().string(containsString("id=\"story-sign-in\"")))
			.andExpect(content().string(containsString("<a id=\"nav-story\" href=\"/story\">Play the story</a>")))
			.andExpect(content().string(containsString("to play a scenario.")))
			.andExpect(content().string(containsString("you: sign-up on Morpheus")))
			.andExpect(content().string(containsString("off — consensus OFF")))
			.andExpect(content().string(containsString("on — consensus ON")))
			.andExpect(content().string(containsString("Morpheus takes your sign-up on its own.")))
			.andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
			.andExpect(content().string(not(containsString("id=\"story-play\""))))
			.andExpect(content().string(not(containsString("id=\"story-pause\""))))
			.andExpect(content().string(not(containsString("action=\"/story/"))));
	}

	@Test
	void theOperatorSeesTheChooserAndTheControls() throws Exception {
		this.mvc.perform(get("/story").with(operator()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"story-play\"")))
			.andExpect(content().string(containsString("<option value=\"the-story\" selected=\"selected\"")))
			.andExpect(content().string(containsString("name=\"reset\" type=\"checkbox\" value=\"true\" checked")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
			.andExpect(content().string(containsString("id=\"story-pause\"")))
			.andExpect(content().string(containsString("formaction=\"/story/reset\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(not(containsString("id=\"story-sign-in\""))));
	}

	@Test
	void anAnonymousPostIsRefusedAndTheStageIsNotAsked() throws Exception {
		for (String path : List.of("/story/play", "/story/step", "/story/reset")) {
			this.mvc.perform(post(path).param("scenario", "the-story")).andExpect(status().isForbidden());
			this.mvc.perform(post(path).param("scenario", "the-story").with(csrf()))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("/login"));
		}
		assertTheStageWasNotAsked();
	}

	@Test
	void aVisitorWhoIsNotTheOperatorIsRefused() throws Exception {
		for (String path : List.of("/story/play", "/story/step", "/story/reset")) {
			this.mvc
				.perform(post(path).param("scenario", "the-story").with(csrf()).with(user("visitor").roles("VISITOR")))
				.andExpect(status().isForbidden());
		}
		assertTheStageWasNotAsked();
	}

	@Test
	void anInvalidPastedScenarioComesBackWithEveryErrorAndTheTextKept() throws Exception {
		List<ScenarioError> errors = errorsOf(BROKEN);
		MvcResult result = this.mvc
			.perform(post("/story/play").param("scenario", "the-story")
				.param("text", BROKEN)
				.param("reset", "true")
				.param("speed", "fast")
				.with(csrf())
				.with(operator()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(StoryPageController.VIEW))
			.andExpect(content().string(containsString("id=\"scenario-errors\"")))
			.andExpect(content().string(containsString("nothing was played")))
			.andReturn();
		String page = result.getResponse().getContentAsString();
		for (ScenarioError error : errors) {
			assertThat(page).contains("data-line=\"" + error.line() + "\"", "Line " + error.line(),
					HtmlUtils.htmlEscape(error.message()));
		}
		assertThat(page).contains(HtmlUtils.htmlEscape(BROKEN));
		assertThat(page).contains("<option value=\"fast\" selected=\"selected\"");
		then(this.stage).should(never()).start(any(), anyBoolean(), any(), anyBoolean());
	}

	@Test
	void anInvalidUploadIsPutInTheBoxToBeFixed() throws Exception {
		this.mvc
			.perform(multipart("/story/play")
				.file(new MockMultipartFile("upload", "broken.yaml", "application/yaml",
						BROKEN.getBytes(StandardCharsets.UTF_8)))
				.param("scenario", "the-story")
				.with(csrf())
				.with(operator()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Line " + errorsOf(BROKEN).get(0).line())))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(BROKEN))));
		this.mvc
			.perform(multipart("/story/play").file(new MockMultipartFile("upload", "long.yaml", "application/yaml",
					new byte[StoryPageController.MAX_UPLOAD + 1]))
				.with(csrf())
				.with(operator()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The file is longer than 64 KB.")));
		then(this.stage).should(never()).start(any(), anyBoolean(), any(), anyBoolean());
	}

	@Test
	void theOperatorPlaysABuiltInScenarioAndComesBackToThePage() throws Exception {
		BuiltInScenario story = READER.builtIn("the-story").orElseThrow();
		given(this.stage.start(eq(story.scenario()), anyBoolean(), any(), anyBoolean())).willReturn(this.play);
		this.mvc
			.perform(post("/story/play").param("scenario", "the-story")
				.param("text", "")
				.param("reset", "true")
				.param("speed", "fast")
				.with(csrf())
				.with(operator()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/story"));
		then(this.stage).should().start(story.scenario(), true, Duration.ZERO, true);
	}

	@Test
	void aRefusalOfTheStageIsAMessageOnThePage() throws Exception {
		willThrow(new HomeRefusedException(409, "The clusters are being reset; play once that is done."))
			.given(this.stage)
			.start(any(), anyBoolean(), any(), anyBoolean());
		this.mvc.perform(post("/story/play").param("scenario", "the-story").with(csrf()).with(operator()))
			.andExpect(status().isConflict())
			.andExpect(view().name(StoryPageController.VIEW))
			.andExpect(content().string(containsString("The clusters are being reset; play once that is done.")));
	}

	@Test
	void theControlsActOnThePlayInProgress() throws Exception {
		playing(recording("playing", Map.of()));
		this.mvc.perform(post("/story/pause").with(csrf()).with(operator()))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/story"));
		this.mvc.perform(post("/story/step").with(csrf()).with(operator())).andExpect(status().isSeeOther());
		this.mvc.perform(post("/story/resume").with(csrf()).with(operator())).andExpect(status().isSeeOther());
		this.mvc.perform(post("/story/reset").with(csrf()).with(operator())).andExpect(status().isSeeOther());
		then(this.play).should().pause();
		then(this.play).should().step();
		then(this.play).should().play();
		then(this.stage).should().reset();
	}

	@Test
	void theRecordedPageIsSandboxedAndOnlyTheHomeMayFrameIt() throws Exception {
		playing(recording("finished", Map.of("off", new Verdict(List.of("2 accounts named paxosexpert."), true))));
		this.mvc.perform(get("/story/plays/7/steps/1/off/page"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(PAGE))
			.andExpect(header().string("Content-Security-Policy", HomeSecurity.RECORDED_PAGE_POLICY))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
			.andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
		this.mvc.perform(get("/story/plays/7/steps/2/off/page"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("X-Frame-Options", "SAMEORIGIN"));
		// Everything else of the home may be framed by no one.
		this.mvc.perform(get("/story"))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(content().string(containsString("<iframe sandbox=\"\"")))
			.andExpect(content().string(containsString("src=\"/story/plays/7/steps/1/off/page\"")))
			.andExpect(content().string(containsString("id=\"story-verdict-off\"")))
			.andExpect(content().string(containsString("2 accounts named paxosexpert.")))
			.andExpect(content().string(containsString("title=\"off: Morpheus says the account is yours\"")))
			.andExpect(content().string(containsString(">on ✗</span>")))
			.andExpect(content().string(not(containsString("every 1s"))));
	}

	@Test
	void theColumnsAloneAreAskedForAgainUntilSomethingChanges() throws Exception {
		playing(recording("playing", Map.of()));
		MvcResult view = this.mvc.perform(get("/story/view").param("play", "7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"story-view\"")))
			.andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
			.andExpect(content().string(not(containsString("<html"))))
			.andReturn();
		String seen = view.getResponse().getContentAsString().replaceFirst("(?s).*seen=([0-9a-f]+).*", "$1");
		this.mvc.perform(
				get("/story/view").param("play", "7").param("step", "1").param("follow", "true").param("seen", seen))
			.andExpect(status().isNoContent());
	}

	@Test
	void anUnknownPlayIsNotFound() throws Exception {
		this.mvc.perform(get("/story/view").param("play", "404"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("There is no play 404")));
		this.mvc.perform(get("/story/plays/404/steps/1/off/page")).andExpect(status().isNotFound());
	}

	private void assertTheStageWasNotAsked() {
		then(this.stage).should(never()).start(any(), anyBoolean(), any(), anyBoolean());
		then(this.stage).should(never()).reset();
		then(this.stage).should(never()).current();
	}

	private static RequestPostProcessor operator() {
		return user("admin").roles(HomeSecurity.OPERATOR);
	}

	private void playing(Recording recording) {
		given(this.play.recording()).willReturn(recording);
		given(this.stage.current()).willReturn(java.util.Optional.of(this.play));
		given(this.stage.play("7")).willReturn(java.util.Optional.of(this.play));
	}

	private static List<ScenarioError> errorsOf(String text) {
		InvalidScenarioException invalid = catchThrowableOfType(InvalidScenarioException.class,
				() -> READER.read(text));
		assertThat(invalid).as("the scenario is meant to be invalid").isNotNull();
		return invalid.errors();
	}

	/** One sign-up on Morpheus, seen on both clusters. */
	private static Recording recording(String state, Map<String, Verdict> verdicts) {
		Exchange offAnswer = new Exchange("POST", "/join", "morpheus", "morpheus", 200, "/paxosexpert",
				"Welcome to paxoshub, paxosexpert", PAGE, Map.of(), 42);
		Exchange onAnswer = new Exchange("POST", "/join", "morpheus", "morpheus", 503, "/join",
				"No majority: Morpheus will not promise the name", "", Map.of(), 12);
		SideRecord off = new SideRecord("OFF", "Morpheus takes your sign-up on its own.", offAnswer, null,
				new Checked("Morpheus says the account is yours", true, ""), cluster("OFF"));
		SideRecord on = new SideRecord("ON", "Morpheus cannot reach a majority.", onAnswer, null,
				new Checked("Morpheus refuses instead of guessing", false, "it came back with 200, not 503"),
				cluster("ON"));
		StepRecord step = new StepRecord(1, 12, "action", "you: sign-up on Morpheus", Instant.now(),
				Map.of("off", off, "on", on));
		return new Recording("7", "The story of paxosexpert", "A sign-up, split.", List.of("off", "on"), state, null,
				18, List.of(step), verdicts, Instant.now(), null);
	}

	private static ClusterState cluster(String mode) {
		List<NodeState> nodes = List.of(
				new NodeState("morpheus", true, "partitioned", null, null, true,
						List.of(new AccountState("a1", "paxosexpert", "morpheus", 1, 0, false, List.of()))),
				new NodeState("neo", true, "up", null, null, true, List.of()),
				new NodeState("trinity", true, "up", null, null, true, List.of()));
		return new ClusterState(mode, nodes,
				List.of(new PropertyState("coherence", "Coherence", "violated", "Morpheus holds 1 account more.")),
				Map.of());
	}

	/** Two clusters, off and on, whose nodes never run. */
	static class TwoClusters {

		@Bean
		Clusters clusters() {
			return new Clusters(List.of(new Quiet("off"), new Quiet("on")));
		}

	}

	record Quiet(String name, List<NodeAddress> nodes) implements ClusterSupervisor {

		Quiet(String name) {
			this(name, List.of(node("morpheus"), node("neo"), node("trinity")));
		}

		private static NodeAddress node(String name) {
			return new NodeAddress(name, URI.create("http://127.0.0.1:" + FreePorts.next()), null, 0);
		}

		@Override
		public URI frontDoor() {
			return URI.create("http://127.0.0.1:1");
		}

		@Override
		public boolean isRunning(String node) {
			return false;
		}

		@Override
		public void kill(String node) {
		}

		@Override
		public void revive(String node) {
		}

	}

}
