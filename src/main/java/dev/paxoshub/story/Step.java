package dev.paxoshub.story;

import java.time.Duration;

/** One beat of a scenario: an actor's action, a fault, or a pause. */
public sealed interface Step permits ActorStep, ChaosStep, WaitStep {

	/** The line of the file the step starts on, for errors and for the recording. */
	int line();

	Narration say();

	/**
	 * How long a play at normal speed pauses after this step, where the scenario says;
	 * null for the play's usual pause.
	 */
	Duration pause();

}
