package dev.paxoshub.home;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimeWarpTests {

	private static final Instant FROM = Instant.parse("2026-12-01T12:00:00Z");

	private static final Instant TO = FROM.plusSeconds(10);

	@Test
	void withNothingToShowTimeIsInProportion() {
		TimeWarp clock = new TimeWarp(FROM, TO, 100, 1100, Map.of());

		assertThat(clock.x(FROM)).isEqualTo(100);
		assertThat(clock.x(FROM.plusSeconds(3))).isCloseTo(400, within(1e-6));
		assertThat(clock.x(TO)).isEqualTo(1100);
		assertThat(clock.stretches()).isEmpty();
	}

	@Test
	void momentsAMillisecondApartGetTheRoomTheyAskForAndTheWindowStillFits() {
		Instant sent = FROM.plusSeconds(5);
		Instant answered = sent.plusMillis(1);

		TimeWarp clock = new TimeWarp(FROM, TO, 100, 1100, Map.of(sent, 18.0, answered, 10.0));

		assertThat(clock.x(answered) - clock.x(sent)).isCloseTo(10, within(1e-6));
		assertThat(clock.x(FROM)).isEqualTo(100);
		assertThat(clock.x(TO)).isCloseTo(1100, within(1e-6));
		assertThat(clock.stretches()).singleElement().satisfies((stretch) -> {
			assertThat(stretch.duration()).isEqualTo(Duration.ofMillis(1));
			assertThat(stretch.x1()).isEqualTo(clock.x(sent));
		});
	}

	@Test
	void laterIsNeverDrawnLeftOfEarlier() {
		Map<Instant, Double> room = Map.of(FROM.plusMillis(2000), 30.0, FROM.plusMillis(2001), 30.0,
				FROM.plusMillis(2003), 30.0, FROM.plusMillis(7000), 30.0);
		TimeWarp clock = new TimeWarp(FROM, TO, 0, 500, room);

		double previous = clock.x(FROM);
		for (long micros = 0; micros <= 10_000_000; micros += 250) {
			double x = clock.x(FROM.plusNanos(micros * 1000));
			assertThat(x).isGreaterThanOrEqualTo(previous);
			previous = x;
		}
	}

	@Test
	void roomAskedForMoreThanTheWidthIsSharedOutAndQuietTimeKeepsSomeWidth() {
		Map<Instant, Double> room = new java.util.HashMap<>();
		for (int i = 0; i < 500; i++) {
			room.put(FROM.plusMillis(9000 + i), 20.0);
		}

		TimeWarp clock = new TimeWarp(FROM, TO, 0, 1000, room);

		assertThat(clock.x(FROM.plusMillis(9000))).isGreaterThan(200);
		assertThat(clock.x(TO)).isCloseTo(1000, within(1e-6));
	}

	@Test
	void momentsOutsideTheWindowAndFarAwayAreDrawnAtItsEdges() {
		TimeWarp clock = new TimeWarp(FROM, TO, 0, 1000, Map.of(Instant.MAX, 10.0, Instant.MIN, 10.0));

		assertThat(clock.x(Instant.MIN)).isEqualTo(clock.x(FROM)).isGreaterThanOrEqualTo(0);
		assertThat(clock.x(Instant.MAX)).isEqualTo(clock.x(TO)).isCloseTo(1000, within(1e-6));
	}

}
