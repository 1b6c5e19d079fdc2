package dev.paxoshub.properties;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static dev.paxoshub.properties.Look.account;
import static dev.paxoshub.properties.Look.cutOff;
import static dev.paxoshub.properties.Look.down;
import static dev.paxoshub.properties.Look.released;
import static dev.paxoshub.properties.Look.stamp;
import static dev.paxoshub.properties.Look.time;
import static dev.paxoshub.properties.Look.up;
import static org.assertj.core.api.Assertions.assertThat;

class PropertiesSafetyTests {

	private static final AccountCopy ON_MORPHEUS = account("1a2b3c4d", "paxosexpert", stamp(1, "morpheus"));

	private static final AccountCopy ON_NEO = account("9f8e7d6c", "paxosexpert", stamp(1, "neo"));

	private final PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ZERO);

	@Test
	void beforeAnyFaultThereIsNothingToShow() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", ON_MORPHEUS), up("neo", ON_MORPHEUS), up("trinity", ON_MORPHEUS))
			.judgedBy(this.check, Property.SAFETY);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo("No fault yet: nothing to show.");
	}

	@Test
	void aClusterThatKeepsTheOtherPropertiesThroughFaultsHeldThroughEach() {
		Look.at("14:02:11")
			.nodes(down("morpheus"), up("neo", ON_MORPHEUS), up("trinity", ON_MORPHEUS))
			.during("Morpheus killed")
			.judgedBy(this.check, Property.SAFETY);
		Look.at("14:02:12")
			.nodes(up("morpheus", ON_MORPHEUS), cutOff("neo", ON_MORPHEUS), up("trinity", ON_MORPHEUS))
			.during("Neo partitioned", "Trinity slow")
			.judgedBy(this.check, Property.SAFETY);

		Verdict afterwards = Look.at("14:02:13")
			.nodes(up("morpheus", ON_MORPHEUS), up("neo", ON_MORPHEUS), up("trinity", ON_MORPHEUS))
			.judgedBy(this.check, Property.SAFETY);

		assertThat(afterwards.holds()).isTrue();
		assertThat(afterwards.evidence())
			.isEqualTo("Held through 3 faults (Morpheus killed, Neo partitioned, Trinity slow).");
		assertThat(afterwards.since()).isEqualTo(time("14:02:11"));
	}

	@Test
	void aBreachWhileNoFaultIsInForceLeavesSafetyAlone() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", ON_MORPHEUS), up("neo", ON_NEO))
			.judgedBy(this.check, Property.SAFETY);

		assertThat(verdict.holds()).isTrue();
	}

	@Test
	void aBreachDuringAFaultBreaksSafetyForGood() {
		Verdict broken = Look.at("14:02:11")
			.nodes(cutOff("morpheus", ON_MORPHEUS), up("neo", ON_NEO), up("trinity", ON_NEO))
			.during("Morpheus flaky")
			.judgedBy(this.check, Property.SAFETY);
		Verdict resolvedLater = Look.at("14:02:20")
			.nodes(up("morpheus", ON_MORPHEUS, released(ON_NEO)), up("neo", ON_MORPHEUS, released(ON_NEO)),
					up("trinity", ON_MORPHEUS, released(ON_NEO)))
			.judgedBy(this.check, Property.SAFETY);

		assertThat(broken.holds()).isFalse();
		assertThat(broken.evidence()).isEqualTo(
				"Broken at 14:02:11 UTC during 1 fault (Morpheus flaky): paxosexpert stood for 2 different accounts.");
		assertThat(resolvedLater.holds()).isFalse();
		assertThat(resolvedLater.evidence()).isEqualTo(broken.evidence());
		assertThat(resolvedLater.since()).isEqualTo(time("14:02:11"));
	}

	@Test
	void theFirstPropertyBrokenIsTheOneQuoted() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus", ON_MORPHEUS), up("neo"), down("trinity"))
			.during("Trinity killed")
			.judgedBy(this.check, Property.SAFETY);

		assertThat(verdict.evidence()).isEqualTo(
				"Broken at 14:02:11 UTC during 1 fault (Trinity killed): Neo lacked 1 account Morpheus held (paxosexpert).");
	}

	@Test
	void aNodeTrailingForAMomentDuringAFaultIsNoBreach() {
		PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ofSeconds(1));
		Look.at("14:02:11")
			.nodes(down("morpheus"), up("neo", ON_NEO), up("trinity"))
			.during("Morpheus killed")
			.judgedBy(check, Property.SAFETY);

		Verdict verdict = Look.at("14:02:11.500")
			.nodes(down("morpheus"), up("neo", ON_NEO), up("trinity", ON_NEO))
			.during("Morpheus killed")
			.judgedBy(check, Property.SAFETY);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo("Held through 1 fault (Morpheus killed).");
	}

	@Test
	void aResetForgetsABreach() {
		Look.at("14:02:11")
			.nodes(cutOff("morpheus", ON_MORPHEUS), up("neo", ON_NEO))
			.during("Morpheus flaky")
			.judgedBy(this.check, Property.SAFETY);

		this.check.reset();
		Verdict verdict = Look.at("14:03:00").nodes(up("morpheus"), up("neo")).judgedBy(this.check, Property.SAFETY);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo("No fault yet: nothing to show.");
		assertThat(verdict.since()).isEqualTo(time("14:03:00"));
	}

}
