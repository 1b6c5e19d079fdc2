package dev.paxoshub.properties;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static dev.paxoshub.properties.Look.account;
import static dev.paxoshub.properties.Look.cutOff;
import static dev.paxoshub.properties.Look.down;
import static dev.paxoshub.properties.Look.released;
import static dev.paxoshub.properties.Look.stamp;
import static dev.paxoshub.properties.Look.up;
import static org.assertj.core.api.Assertions.assertThat;

class PropertiesConflictResolutionTests {

	/** Signed up through Morpheus first. */
	private static final AccountCopy ON_MORPHEUS = account("1a2b3c4d", "paxosexpert", stamp(1, "morpheus"));

	/** Signed up again through Neo while Morpheus was away. */
	private static final AccountCopy ON_NEO = account("9f8e7d6c", "paxosexpert", stamp(1, "neo"));

	private final PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ZERO);

	@Test
	void aSecondSignUpWhileTheFirstNodeIsAwayShowsOnceThatNodeIsBack() {
		Verdict first = Look.at("14:02:10")
			.nodes(up("morpheus", ON_MORPHEUS), up("neo"), up("trinity"))
			.judgedBy(this.check, Property.CONFLICT_RESOLUTION);
		Verdict whileAway = Look.at("14:02:11")
			.nodes(down("morpheus"), up("neo", ON_NEO), up("trinity", ON_NEO))
			.judgedBy(this.check, Property.CONFLICT_RESOLUTION);
		Verdict back = Look.at("14:02:12")
			.nodes(up("morpheus", ON_MORPHEUS), up("neo", ON_NEO), up("trinity", ON_NEO))
			.judgedBy(this.check, Property.CONFLICT_RESOLUTION);

		assertThat(first.evidence()).isEqualTo("Every name stands for one account.");
		assertThat(whileAway.holds()).as("nobody up holds the first account").isTrue();
		assertThat(back.holds()).isFalse();
		assertThat(back.evidence()).isEqualTo("paxosexpert stands for 2 different accounts (ids 1a2b…, 9f8e…).");
	}

	@Test
	void aNodeThatIsCutOffStillShowsItsAccounts() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(cutOff("morpheus", ON_MORPHEUS), up("neo", ON_NEO), down("trinity"))
			.judgedBy(this.check, Property.CONFLICT_RESOLUTION);

		assertThat(verdict.holds()).isFalse();
	}

	@Test
	void aCopyReleasedFromItsNameByReconciliationNoLongerCounts() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", ON_MORPHEUS, released(ON_NEO)), up("neo", ON_MORPHEUS, released(ON_NEO)),
					up("trinity", ON_MORPHEUS, released(ON_NEO)))
			.judgedBy(this.check, Property.CONFLICT_RESOLUTION);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence())
			.isEqualTo("Every name stands for one account; 1 copy that lost its name is kept aside.");
	}

	@Test
	void aCopyStillLiveOnOneNodeCountsEvenIfAnotherReleasedIt() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", ON_MORPHEUS, released(ON_NEO)), up("neo", ON_MORPHEUS, ON_NEO))
			.judgedBy(this.check, Property.CONFLICT_RESOLUTION);

		assertThat(verdict.holds()).isFalse();
	}

	@Test
	void idsThatBeginAlikeAreShownLongEnoughToTellApart() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", account("abcd1111", "oracle", stamp(1, "morpheus")),
					account("abcd2222", "oracle", stamp(1, "neo"))))
			.judgedBy(this.check, Property.CONFLICT_RESOLUTION);

		assertThat(verdict.evidence()).isEqualTo("oracle stands for 2 different accounts (ids abcd1…, abcd2…).");
	}

	@Test
	void severalSplitNamesAreCounted() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", ON_MORPHEUS, account("11112222", "oracle", stamp(1, "morpheus"))),
					up("neo", ON_NEO, account("33334444", "oracle", stamp(1, "neo"))))
			.judgedBy(this.check, Property.CONFLICT_RESOLUTION);

		assertThat(verdict.evidence()).isEqualTo(
				"oracle stands for 2 different accounts (ids 1111…, 3333…), and 1 more name stands for several accounts.");
	}

	@Test
	void aSplitNameThatIsResolvedWithinTheSettlePeriodIsOnlySettling() {
		PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ofSeconds(1));

		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", ON_MORPHEUS), up("neo", ON_NEO))
			.judgedBy(check, Property.CONFLICT_RESOLUTION);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo(
				"Settling: paxosexpert stands for 2 different accounts (ids 1a2b…, 9f8e…), for less than 1 s so far.");
	}

	@Test
	void withNoNodeUpNoNameCanBeChecked() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(down("morpheus"), down("neo"), down("trinity"))
			.judgedBy(this.check, Property.CONFLICT_RESOLUTION);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo("No node is up, so no name can be checked.");
	}

}
