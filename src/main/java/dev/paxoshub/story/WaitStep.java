package dev.paxoshub.story;

import java.time.Duration;

/** A real pause, so that something can happen (or fail to) in the meantime. */
public record WaitStep(int line, Duration duration, Narration say, Duration pause) implements Step {
}
