package dev.paxoshub.properties;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static dev.paxoshub.properties.Look.account;
import static dev.paxoshub.properties.Look.cutOff;
import static dev.paxoshub.properties.Look.down;
import static dev.paxoshub.properties.Look.stamp;
import static dev.paxoshub.properties.Look.time;
import static dev.paxoshub.properties.Look.up;
import static org.assertj.core.api.Assertions.assertThat;

class PropertiesCoherenceTests {

	private static final AccountCopy PAXOSEXPERT = account("1a2b3c4d", "paxosexpert", stamp(1, "morpheus"));

	private static final AccountCopy ORACLE = account("5e6f7a8b", "oracle", stamp(1, "neo"));

	private final PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ZERO);

	@Test
	void nodesHoldingTheSameAccountsAreCoherent() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", PAXOSEXPERT, ORACLE), up("neo", ORACLE, PAXOSEXPERT),
					up("trinity", PAXOSEXPERT, ORACLE))
			.judgedBy(this.check, Property.COHERENCE);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo("Morpheus, Neo and Trinity hold the same 2 accounts.");
	}

	@Test
	void aNodeThatLacksAccountsIsNamedWithWhatItLacksAndSinceWhen() {
		Look.at("14:02:10").nodes(up("morpheus"), up("neo"), up("trinity")).judgedBy(this.check, Property.COHERENCE);

		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", PAXOSEXPERT, ORACLE), up("neo"), up("trinity", PAXOSEXPERT, ORACLE))
			.judgedBy(this.check, Property.COHERENCE);

		assertThat(verdict.holds()).isFalse();
		assertThat(verdict.evidence())
			.isEqualTo("Neo lacks 2 accounts Morpheus holds (oracle, paxosexpert) since 14:02:11 UTC.");
		assertThat(verdict.since()).isEqualTo(time("14:02:11"));
	}

	@Test
	void twoNodesHoldingDifferentVersionsOfOneAccountAreNamed() {
		AccountCopy editedOnMorpheus = account(PAXOSEXPERT.id(), "paxosexpert", stamp(1, "morpheus"),
				stamp(2, "morpheus"));
		AccountCopy editedOnTrinity = account(PAXOSEXPERT.id(), "paxosexpert", stamp(1, "morpheus"),
				stamp(2, "trinity"));

		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", editedOnMorpheus), down("neo"), up("trinity", editedOnTrinity))
			.judgedBy(this.check, Property.COHERENCE);

		assertThat(verdict.holds()).isFalse();
		assertThat(verdict.evidence()).isEqualTo(
				"Morpheus and Trinity hold different versions of paxosexpert since 14:02:11 UTC; Neo is down and not compared.");
	}

	@Test
	void aCutOffNodeIsComparedAgainOnlyOnceReconnectedAndCountsWhileItIsStillBehind() {
		Look.at("14:02:10")
			.nodes(up("morpheus", PAXOSEXPERT), up("neo", PAXOSEXPERT), up("trinity", PAXOSEXPERT))
			.judgedBy(this.check, Property.COHERENCE);

		Verdict whileCut = Look.at("14:02:11")
			.nodes(up("morpheus", PAXOSEXPERT, ORACLE), up("neo", PAXOSEXPERT, ORACLE), cutOff("trinity", PAXOSEXPERT))
			.judgedBy(this.check, Property.COHERENCE);
		Verdict reconnectedBehind = Look.at("14:02:12")
			.nodes(up("morpheus", PAXOSEXPERT, ORACLE), up("neo", PAXOSEXPERT, ORACLE), up("trinity", PAXOSEXPERT))
			.judgedBy(this.check, Property.COHERENCE);
		Verdict caughtUp = Look.at("14:02:13")
			.nodes(up("morpheus", PAXOSEXPERT, ORACLE), up("neo", PAXOSEXPERT, ORACLE),
					up("trinity", PAXOSEXPERT, ORACLE))
			.judgedBy(this.check, Property.COHERENCE);

		assertThat(whileCut.holds()).isTrue();
		assertThat(whileCut.evidence())
			.isEqualTo("Morpheus and Neo hold the same 2 accounts; Trinity is cut off and not compared.");
		assertThat(reconnectedBehind.holds()).isFalse();
		assertThat(reconnectedBehind.evidence())
			.isEqualTo("Trinity lacks 1 account Morpheus holds (oracle) since 14:02:12 UTC.");
		assertThat(caughtUp.holds()).isTrue();
		assertThat(caughtUp.since()).isEqualTo(time("14:02:13"));
	}

	@Test
	void aNodeThatCatchesUpWithinTheSettlePeriodNeverBreaksCoherence() {
		PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ofSeconds(1));

		Verdict behind = Look.at("14:02:12")
			.nodes(up("morpheus", PAXOSEXPERT, ORACLE), up("neo", PAXOSEXPERT, ORACLE), up("trinity", PAXOSEXPERT))
			.judgedBy(check, Property.COHERENCE);
		Verdict caughtUp = Look.at("14:02:12.500")
			.nodes(up("morpheus", PAXOSEXPERT, ORACLE), up("neo", PAXOSEXPERT, ORACLE),
					up("trinity", PAXOSEXPERT, ORACLE))
			.judgedBy(check, Property.COHERENCE);

		assertThat(behind.holds()).isTrue();
		assertThat(behind.evidence())
			.isEqualTo("Settling: Trinity lacks 1 account Morpheus holds (oracle), for less than 1 s so far.");
		assertThat(caughtUp.holds()).isTrue();
		assertThat(caughtUp.since()).isEqualTo(time("14:02:12"));
	}

	@Test
	void aDifferenceThatOutlastsTheSettlePeriodCountsFromWhenItWasFirstSeen() {
		PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ofSeconds(1));
		Look behind = Look.at("14:02:11").nodes(up("morpheus", PAXOSEXPERT, ORACLE), up("neo", PAXOSEXPERT));

		assertThat(behind.judgedBy(check, Property.COHERENCE).holds()).isTrue();
		Verdict stillBehind = Look.at("14:02:12")
			.nodes(up("morpheus", PAXOSEXPERT, ORACLE), up("neo", PAXOSEXPERT))
			.judgedBy(check, Property.COHERENCE);

		assertThat(stillBehind.holds()).isFalse();
		assertThat(stillBehind.evidence()).isEqualTo("Neo lacks 1 account Morpheus holds (oracle) since 14:02:11 UTC.");
		assertThat(stillBehind.since()).as("when the verdict changed").isEqualTo(time("14:02:12"));
	}

	@Test
	void aStreamOfShortDelaysOnABusyAccountIsNotOneLongDifference() {
		PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ofSeconds(1));
		for (int revision = 2; revision < 10; revision++) {
			AccountCopy ahead = account(PAXOSEXPERT.id(), "paxosexpert", stamp(revision, "morpheus"));
			AccountCopy behind = account(PAXOSEXPERT.id(), "paxosexpert", stamp(revision - 1, "morpheus"));
			String time = "14:02:%02d".formatted(10 + revision / 2) + ((revision % 2 == 0) ? "" : ".500");

			Verdict verdict = Look.at(time)
				.nodes(up("morpheus", ahead), up("neo", behind))
				.judgedBy(check, Property.COHERENCE);

			assertThat(verdict.holds()).as("at %s", time).isTrue();
		}
	}

	@Test
	void withFewerThanTwoComparableNodesCoherenceHoldsTrivially() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", PAXOSEXPERT), down("neo"), cutOff("trinity"))
			.judgedBy(this.check, Property.COHERENCE);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo("Only Morpheus is up and connected, so coherence holds trivially.");
	}

	@Test
	void nodesLeftOutForDifferentReasonsAreNamedWithTheirReasons() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", PAXOSEXPERT), up("neo", PAXOSEXPERT), up("trinity", PAXOSEXPERT), down("oracle"),
					cutOff("smith"))
			.judgedBy(this.check, Property.COHERENCE);

		assertThat(verdict.evidence()).isEqualTo(
				"Morpheus, Neo and Trinity hold the same 1 account; Oracle is down and Smith is cut off, so neither is compared.");
	}

	@Test
	void aCopyThatLostItsNameIsStillAnAccountEveryNodeMustHold() {
		AccountCopy loser = Look.released(account("9f8e7d6c", "paxosexpert", stamp(1, "neo")));

		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", PAXOSEXPERT, loser), up("neo", PAXOSEXPERT))
			.judgedBy(this.check, Property.COHERENCE);

		assertThat(verdict.evidence())
			.isEqualTo("Neo lacks 1 account Morpheus holds (paxosexpert) since 14:02:11 UTC.");
	}

}
