package dev.paxoshub.story;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class ScenarioReaderTests {

	/** Five lines, so that a broken file's first step is on line 6. */
	private static final String HEADER = """
			title: Broken
			actors:
			  you: You
			  mom: Mom
			steps:
			""";

	private final ScenarioReader reader = new ScenarioReader(List.of("Morpheus", "neo", "trinity"));

	@Test
	void readsEveryKindOfStepWithBothFormsOfNarrationAndExpectation() {
		Scenario scenario = this.reader.read("""
				title: A story about consensus
				summary: What it shows.
				actors:
				  you: You, signing up for the first time
				  Mom: Your mom, opening the link you send her
				steps:
				  - actor: you
				    do: sign-up
				    on: Morpheus
				    username: paxosexpert
				    password: correct-horse-battery
				    say: You sign up on Morpheus.
				    expect:
				      notice: You are signed in
				      status: 200
				      contains: paxosexpert
				  - chaos: partition
				    node: morpheus
				    from: [neo, trinity]
				    direction: in
				    say:
				      common: Morpheus is cut off.
				      on: With consensus, the majority goes on.
				  - actor: MOM
				    do: open-profile
				    on: front-door
				    username: 1234
				    expect:
				      common:
				        notice: It shows a profile
				      off:
				        notice: Your own profile is a 404
				        status: 404
				        lacks: [paxosexpert, Sign out]
				  - chaos: kill
				    node: neo
				  - chaos: slow
				    node: trinity
				    delay-ms: 600
				  - chaos: revive
				    node: neo
				    disk: empty
				  - chaos: heal
				  - wait: 500ms
				    say: A pause.
				  - actor: you
				    do: edit-profile
				    display-name: Paxos Expert
				  - wait: 2m
				""");
		assertThat(scenario.title()).isEqualTo("A story about consensus");
		assertThat(scenario.summary()).isEqualTo("What it shows.");
		assertThat(scenario.actors()).containsOnly(Map.entry("you", "You, signing up for the first time"),
				Map.entry("mom", "Your mom, opening the link you send her"));
		assertThat(scenario.steps()).containsExactly(
				new ActorStep(7, "you", Action.SIGN_UP, "morpheus",
						Map.of("username", "paxosexpert", "password", "correct-horse-battery"),
						new Narration("You sign up on Morpheus.", Map.of()),
						new Expectations(new Expectation("You are signed in", 200, List.of("paxosexpert"), List.of()),
								Map.of()),
						null),
				new ChaosStep(17, ChaosAction.PARTITION, "morpheus", List.of("neo", "trinity"), "in", null, false,
						new Narration("Morpheus is cut off.", Map.of("on", "With consensus, the majority goes on.")),
						null),
				new ActorStep(24, "mom", Action.OPEN_PROFILE, null, Map.of("username", "1234"), Narration.NONE,
						new Expectations(new Expectation("It shows a profile", null, List.of(), List.of()),
								Map.of("off",
										new Expectation("Your own profile is a 404", 404, List.of(),
												List.of("paxosexpert", "Sign out")))),
						null),
				new ChaosStep(35, ChaosAction.KILL, "neo", List.of(), null, null, false, Narration.NONE, null),
				new ChaosStep(37, ChaosAction.SLOW, "trinity", List.of(), null, 600L, false, Narration.NONE, null),
				new ChaosStep(40, ChaosAction.REVIVE, "neo", List.of(), null, null, true, Narration.NONE, null),
				new ChaosStep(43, ChaosAction.HEAL, null, List.of(), null, null, false, Narration.NONE, null),
				new WaitStep(44, Duration.ofMillis(500), new Narration("A pause.", Map.of()), null),
				new ActorStep(46, "you", Action.EDIT_PROFILE, null, Map.of("display-name", "Paxos Expert"),
						Narration.NONE, Expectations.NONE, null),
				new WaitStep(49, Duration.ofMinutes(2), Narration.NONE, null));
	}

	@Test
	void aPartitionWithoutPeersOrDirectionCutsEveryLinkBothWays() {
		Scenario scenario = this.reader.read(HEADER + """
				- chaos: partition
				  node: neo
				""");
		assertThat(scenario.steps()).containsExactly(
				new ChaosStep(6, ChaosAction.PARTITION, "neo", List.of(), "both", null, false, Narration.NONE, null));
	}

	static Stream<Arguments> brokenFiles() {
		List<Arguments> files = new ArrayList<>();
		files.add(broken("unknown top-level key", """
				title: Broken
				sumary: A typo.
				actors:
				  you: You
				steps:
				- wait: 1s
				""", 2, "Unknown key 'sumary'.", "Did you mean 'summary'?"));
		files.add(broken("no title", """
				actors:
				  you: You
				steps:
				- wait: 1s
				""", 1, "The scenario has no 'title'.", "title: A story"));
		files.add(broken("blank title", """
				title: "  "
				actors:
				  you: You
				steps:
				- wait: 1s
				""", 1, "'title' is blank.", ""));
		files.add(broken("no steps", """
				title: Broken
				actors:
				  you: You
				steps: []
				""", 4, "'steps' must be a list of one or more steps.", "Start each step with a dash"));
		files.add(broken("an actor nobody declared", """
				title: Broken
				actors: {}
				steps:
				- wait: 1s
				""", 2, "'actors' declares nobody.", ""));
		files.add(broken("an actor's name with a space", """
				title: Broken
				actors:
				  big mom: Mom
				steps:
				- wait: 1s
				""", 3, "'big mom' is not a valid actor name.", "at most 20 letters, digits and hyphens"));
		files.add(broken("do and chaos in one step", HEADER + """
				- actor: you
				  do: refresh
				  chaos: kill
				  node: neo
				""", 6, "A step needs exactly one of do, chaos or wait.", "This one has do and chaos"));
		files.add(broken("a misspelt do", HEADER + """
				- actor: you
				  od: refresh
				""", 6, "A step needs exactly one of do, chaos or wait.", "Did you mean 'do' instead of 'od'?"));
		files.add(broken("unknown action", HEADER + """
				- actor: you
				  do: sign-upp
				""", 7, "Unknown action 'sign-upp'.", "Did you mean 'sign-up'?"));
		files.add(broken("unknown node", HEADER + """
				- actor: you
				  do: refresh
				  on: morfeus
				""", 8, "Unknown node 'morfeus'.", "Did you mean 'morpheus'?"));
		files.add(broken("unknown actor", HEADER + """
				- actor: dad
				  do: refresh
				""", 6, "Unknown actor 'dad'.", "Declared actors: you, mom."));
		files.add(broken("action without an actor", HEADER + """
				- do: refresh
				""", 6, "An action needs an 'actor'.", "Declared actors: you, mom."));
		files.add(broken("sign-up without a password", HEADER + """
				- actor: you
				  do: sign-up
				  username: paxosexpert
				""", 6, "The action 'sign-up' needs 'password'.", ""));
		files.add(broken("a field the action does not take", HEADER + """
				- actor: you
				  do: sign-up
				  username: paxosexpert
				  password: correct-horse-battery
				  bio: Hello
				""", 10, "The action 'sign-up' does not take 'bio'.", "It takes password, username, email."));
		files.add(broken("a misspelt field", HEADER + """
				- actor: you
				  do: open-profile
				  usrname: paxosexpert
				""", 8, "Unknown key 'usrname'.", "Did you mean 'username'?"));
		files.add(broken("a field with no value", HEADER + """
				- actor: you
				  do: upload-avatar
				  color: #2f6fde
				""", 8, "'color' has no value.", "put it in quotes if it starts with #"));
		files.add(broken("a field that is a list", HEADER + """
				- actor: you
				  do: open-profile
				  username: [neo]
				""", 8, "'username' must be a single text, not a list or mapping.", ""));
		files.add(broken("a partition from an unknown node", HEADER + """
				- chaos: partition
				  node: morpheus
				  from: [neo, smith]
				""", 8, "Unknown node 'smith'.", "Known nodes: morpheus, neo, trinity, leader, follower."));
		files.add(broken("a partition from the node itself", HEADER + """
				- chaos: partition
				  node: neo
				  from:
				  - trinity
				  - neo
				""", 10, "'neo' cannot be cut off from itself.", "leave 'from' out"));
		files.add(broken("an unknown direction", HEADER + """
				- chaos: partition
				  node: neo
				  direction: ot
				""", 8, "Unknown direction 'ot'.", "Did you mean 'out'?"));
		files.add(broken("unknown chaos action", HEADER + """
				- chaos: kil
				  node: neo
				""", 6, "Unknown chaos action 'kil'.", "Did you mean 'kill'?"));
		files.add(broken("a fault without a node", HEADER + """
				- chaos: kill
				""", 6, "The chaos action 'kill' needs a 'node'.",
				"Known nodes: morpheus, neo, trinity, leader, follower."));
		files.add(broken("a fault on the front door", HEADER + """
				- chaos: flaky
				  node: front-door
				""", 7, "Unknown node 'front-door'.", "Known nodes: morpheus, neo, trinity, leader, follower."));
		files.add(broken("slow without delay-ms", HEADER + """
				- chaos: slow
				  node: neo
				""", 6, "The chaos action 'slow' needs 'delay-ms'.", "from 0 to 10000"));
		files.add(broken("delay-ms out of range", HEADER + """
				- chaos: slow
				  node: neo
				  delay-ms: 20000
				""", 8, "'delay-ms' must be from 0 to 10000, not '20000'.", ""));
		files.add(broken("delay-ms not a number", HEADER + """
				- chaos: slow
				  node: neo
				  delay-ms: 600ms
				""", 8, "'delay-ms' must be a whole number, not '600ms'.", ""));
		files.add(broken("disk on a kill", HEADER + """
				- chaos: kill
				  node: neo
				  disk: empty
				""", 8, "'disk' is only for revive.", ""));
		files.add(broken("a disk other than empty", HEADER + """
				- chaos: revive
				  node: neo
				  disk: full
				""", 8, "Unknown disk 'full'.", "The only one is 'empty'"));
		files.add(broken("an actor on a fault", HEADER + """
				- chaos: kill
				  node: neo
				  actor: you
				""", 8, "A chaos step has no 'actor'.", "make this step an action with do"));
		files.add(broken("an expectation on a fault", HEADER + """
				- chaos: kill
				  node: neo
				  expect:
				    notice: It is gone
				""", 8, "Unknown key 'expect'.", "Allowed keys here: chaos, node, say, pause."));
		files.add(broken("bad wait duration", HEADER + """
				- wait: 3 seconds
				""", 6, "'3 seconds' is not a duration.", "500ms, 3s or 1m"));
		files.add(broken("a wait without a unit", HEADER + """
				- wait: 3
				""", 6, "'3' is not a duration.", "Write it with its unit"));
		files.add(broken("a wait too long", HEADER + """
				- wait: 3m
				""", 6, "A wait lasts from 1ms to 2 minutes, not '3m'.", ""));
		files.add(broken("an actor on a wait", HEADER + """
				- wait: 1s
				  actor: you
				""", 7, "A wait has no 'actor'.", ""));
		files.add(broken("bad status", HEADER + """
				- actor: you
				  do: refresh
				  expect:
				    status: 42
				""", 9, "'status' must be from 100 to 599, not '42'.", ""));
		files.add(broken("a misspelt expectation key", HEADER + """
				- actor: you
				  do: refresh
				  expect:
				    notice: Still there
				    contians: paxosexpert
				""", 10, "Unknown key 'contians'.", "Did you mean 'contains'?"));
		files.add(broken("a comma in a text in braces", HEADER + """
				- actor: you
				  do: refresh
				  expect: { notice: A refusal, not a 404, status: 503 }
				""", 8, "Unknown key 'not a 404'.", "put a text that has a comma in quotes"));
		files.add(broken("an empty text to look for", HEADER + """
				- actor: you
				  do: refresh
				  expect:
				    lacks: ["paxosexpert", " "]
				""", 9, "'lacks' has an empty text.", ""));
		files.add(broken("both forms of expect", HEADER + """
				- actor: you
				  do: refresh
				  expect:
				    notice: Still there
				    on:
				      status: 200
				""", 9, "'expect' mixes one expectation with expectations per mode.", "or common, off and on"));
		files.add(broken("an empty expectation for a mode", HEADER + """
				- actor: you
				  do: refresh
				  expect:
				    off: {}
				""", 9, "An expectation needs at least one of notice, status, contains or lacks.", ""));
		files.add(broken("a misspelt mode in say", HEADER + """
				- wait: 1s
				  say:
				    of: Nothing happens.
				""", 8, "Unknown key 'of'.", "Did you mean 'off'?"));
		files.add(broken("YAML syntax error", """
				title: Broken
				actors:
				  you: You
				 mom: Mom
				steps:
				- wait: 1s
				""", 4, "This is not valid YAML:", "Check the indentation"));
		files.add(broken("two documents", """
				title: Broken
				---
				title: Again
				""", 2, "expected a single document in the stream, but found another document.", ""));
		files.add(broken("duplicate key", HEADER + """
				- wait: 1s
				  say: Once.
				  say: Twice.
				""", 8, "The key 'say' appears twice.", "The first is on line 7."));
		files.add(broken("too many aliases", """
				title: &t [x]
				summary: [*t, *t, *t, *t, *t, *t, *t, *t, *t, *t, *t]
				""", 1, "This YAML cannot be read as a scenario:", ""));
		files.add(broken("too many steps", HEADER + "- wait: 1s\n".repeat(ScenarioReader.MAX_STEPS + 1), 206,
				"A scenario has at most 200 steps; this is step 201.", "split it in two"));
		files.add(broken("too long a text", HEADER + "- wait: 1s\n" + "#".repeat(ScenarioReader.MAX_BYTES), 1,
				"The file is longer than 64 KB.", ""));
		files.add(broken("an empty file", "", 1, "The file is empty.", ""));
		return files.stream();
	}

	private static Arguments broken(String what, String yaml, int line, String message, String hint) {
		return Arguments.of(what, yaml, line, message, hint);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("brokenFiles")
	void aBrokenFileIsRefusedWithTheLineAndWhatIsWrong(String what, String yaml, int line, String message,
			String hint) {
		InvalidScenarioException refused = catchThrowableOfType(InvalidScenarioException.class,
				() -> this.reader.read(yaml));
		assertThat(refused).as(what).isNotNull();
		assertThat(refused.errors()).singleElement().satisfies((error) -> {
			assertThat(error.line()).isEqualTo(line);
			assertThat(error.message()).contains(message).endsWith(".");
			assertThat(error.hint()).contains(hint);
		});
	}

	@Test
	void everyMistakeOfAFileIsReportedInTheOrderOfItsLines() {
		InvalidScenarioException refused = catchThrowableOfType(InvalidScenarioException.class,
				() -> this.reader.read("""
						title: Several mistakes
						actors:
						  you: You
						steps:
						- actor: you
						  do: sign-upp
						- chaos: slow
						  node: neo
						  delay: 600
						- wait: forever
						ending: none
						"""));
		assertThat(refused.errors()).extracting(ScenarioError::line, ScenarioError::message)
			.containsExactly(tuple(6, "Unknown action 'sign-upp'."), tuple(9, "Unknown key 'delay'."),
					tuple(10, "'forever' is not a duration."), tuple(11, "Unknown key 'ending'."));
		assertThat(refused.getMessage()).startsWith("""
				line 6: Unknown action 'sign-upp'. Did you mean 'sign-up'?
				line 9: Unknown key 'delay'. Did you mean 'delay-ms'?
				""").hasLineCount(4);
	}

}
