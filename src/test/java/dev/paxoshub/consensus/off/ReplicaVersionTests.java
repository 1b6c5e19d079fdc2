package dev.paxoshub.consensus.off;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaVersionTests {

	static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

	@Test
	void anUnknownAccountIsAlwaysTaken() {
		assertThat(new ReplicaVersion("a", 1, T0, "neo").supersedes(null)).isTrue();
	}

	@Test
	void theHigherRevisionWinsWhateverTheClocksSay() {
		ReplicaVersion older = new ReplicaVersion("a", 2, T0.plusSeconds(60), "morpheus");
		ReplicaVersion newer = new ReplicaVersion("a", 3, T0, "neo");
		assertThat(newer.supersedes(older)).isTrue();
		assertThat(older.supersedes(newer)).isFalse();
	}

	@Test
	void concurrentEditsOfOneRevisionSettleOnTheLaterOne() {
		ReplicaVersion onMorpheus = new ReplicaVersion("a", 2, T0, "morpheus");
		ReplicaVersion onNeo = new ReplicaVersion("a", 2, T0.plusMillis(5), "neo");
		assertThat(onNeo.supersedes(onMorpheus)).isTrue();
		assertThat(onMorpheus.supersedes(onNeo)).isFalse();
	}

	@Test
	void aTieIsBrokenByNodeNameSoEveryNodeKeepsTheSameCopy() {
		ReplicaVersion onMorpheus = new ReplicaVersion("a", 2, T0, "morpheus");
		ReplicaVersion onTrinity = new ReplicaVersion("a", 2, T0, "trinity");
		assertThat(onTrinity.supersedes(onMorpheus)).isTrue();
		assertThat(onMorpheus.supersedes(onTrinity)).isFalse();
	}

	@Test
	void theSameVersionIsNotTakenTwice() {
		ReplicaVersion version = new ReplicaVersion("a", 4, T0, "neo");
		assertThat(version.supersedes(new ReplicaVersion("a", 4, T0, "neo"))).isFalse();
	}

}
