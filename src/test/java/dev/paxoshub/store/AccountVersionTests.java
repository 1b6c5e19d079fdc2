package dev.paxoshub.store;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountVersionTests {

	static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

	@Test
	void anUnknownAccountIsAlwaysTaken() {
		assertThat(new AccountVersion("a", 1, T0, "neo").supersedes(null)).isTrue();
	}

	@Test
	void theHigherRevisionWinsWhateverTheClocksSay() {
		AccountVersion older = new AccountVersion("a", 2, T0.plusSeconds(60), "morpheus");
		AccountVersion newer = new AccountVersion("a", 3, T0, "neo");
		assertThat(newer.supersedes(older)).isTrue();
		assertThat(older.supersedes(newer)).isFalse();
	}

	@Test
	void concurrentEditsOfOneRevisionSettleOnTheLaterOne() {
		AccountVersion onMorpheus = new AccountVersion("a", 2, T0, "morpheus");
		AccountVersion onNeo = new AccountVersion("a", 2, T0.plusMillis(5), "neo");
		assertThat(onNeo.supersedes(onMorpheus)).isTrue();
		assertThat(onMorpheus.supersedes(onNeo)).isFalse();
	}

	@Test
	void aTieIsBrokenByNodeNameSoEveryNodeKeepsTheSameCopy() {
		AccountVersion onMorpheus = new AccountVersion("a", 2, T0, "morpheus");
		AccountVersion onTrinity = new AccountVersion("a", 2, T0, "trinity");
		assertThat(onTrinity.supersedes(onMorpheus)).isTrue();
		assertThat(onMorpheus.supersedes(onTrinity)).isFalse();
	}

	@Test
	void theSameVersionIsNotTakenTwice() {
		AccountVersion version = new AccountVersion("a", 4, T0, "neo");
		assertThat(version.supersedes(new AccountVersion("a", 4, T0, "neo"))).isFalse();
	}

}
