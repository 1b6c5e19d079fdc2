package dev.paxoshub.properties;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.paxoshub.properties.Look.account;
import static dev.paxoshub.properties.Look.cutOff;
import static dev.paxoshub.properties.Look.stamp;
import static dev.paxoshub.properties.Look.up;
import static dev.paxoshub.properties.Look.write;
import static org.assertj.core.api.Assertions.assertThat;

class PropertiesNoDecoherenceTests {

	private static final String SIGN_UP = stamp(1, "morpheus");

	private static final AccountCopy SIGNED_UP = account("1a2b3c4d", "paxosexpert", SIGN_UP);

	private final PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ZERO);

	@Test
	void withNothingAcknowledgedNothingCanBeLost() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus"), up("neo"))
			.judgedBy(this.check, Property.NO_DECOHERENCE);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo("No write has been acknowledged yet.");
	}

	@Test
	void writesInTheHistoryOfEveryConnectedCopyAreHeld() {
		AccountCopy edited = account(SIGNED_UP.id(), "paxosexpert", SIGN_UP, stamp(2, "morpheus"), stamp(3, "neo"));

		Verdict verdict = Look.at("14:02:13")
			.nodes(up("morpheus", edited), up("neo", edited), up("trinity", edited))
			.acknowledged(write(SIGNED_UP, SIGN_UP, "14:02:10", "morpheus"),
					write(SIGNED_UP, stamp(2, "morpheus"), "14:02:11", "morpheus"),
					write(SIGNED_UP, stamp(3, "neo"), "14:02:12", "neo"))
			.judgedBy(this.check, Property.NO_DECOHERENCE);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo("All 3 acknowledged writes are held by every connected node.");
	}

	@Test
	void anEditLostToTheLastWriterIsLostOnEveryNode() {
		AccountCopy lastWriterWins = account(SIGNED_UP.id(), "paxosexpert", SIGN_UP, stamp(2, "neo"));

		Verdict verdict = Look.at("14:02:13")
			.nodes(up("morpheus", lastWriterWins), up("neo", lastWriterWins), up("trinity", lastWriterWins))
			.acknowledged(write(SIGNED_UP, stamp(2, "morpheus"), "14:02:11", "morpheus"),
					write(SIGNED_UP, stamp(2, "neo"), "14:02:12", "neo"))
			.judgedBy(this.check, Property.NO_DECOHERENCE);

		assertThat(verdict.holds()).isFalse();
		assertThat(verdict.evidence()).isEqualTo(
				"Morpheus, Neo and Trinity lost the change to paxosexpert acknowledged by Morpheus at 14:02:11 UTC (revision 2).");
	}

	@Test
	void aNodeThatNoLongerHoldsTheAccountLostEveryWriteToIt() {
		Verdict verdict = Look.at("14:02:13")
			.nodes(up("morpheus", SIGNED_UP), up("neo"))
			.acknowledged(write(SIGNED_UP, SIGN_UP, "14:02:11", "morpheus"),
					write(account("5e6f7a8b", "oracle", stamp(1, "morpheus")), stamp(1, "morpheus"), "14:02:12",
							"morpheus"))
			.judgedBy(this.check, Property.NO_DECOHERENCE);

		assertThat(verdict.evidence()).isEqualTo(
				"Neo lost the change to paxosexpert acknowledged by Morpheus at 14:02:11 UTC (revision 1), and 1 more acknowledged write is lost.");
	}

	@Test
	void aWriteOlderThanTheLineageRemembersIsTakenAsKept() {
		List<String> lastFive = List.of(stamp(16, "neo"), stamp(17, "neo"), stamp(18, "neo"), stamp(19, "neo"),
				stamp(20, "neo"));
		AccountCopy muchEdited = new AccountCopy(SIGNED_UP.id(), "paxosexpert", 20, lastFive, false);

		Verdict oldWrite = Look.at("14:02:13")
			.nodes(up("morpheus", muchEdited), up("neo", muchEdited))
			.acknowledged(write(SIGNED_UP, stamp(3, "morpheus"), "14:02:11", "morpheus"))
			.judgedBy(this.check, Property.NO_DECOHERENCE);
		Verdict recentWrite = Look.at("14:02:14")
			.nodes(up("morpheus", muchEdited), up("neo", muchEdited))
			.acknowledged(write(SIGNED_UP, stamp(17, "morpheus"), "14:02:12", "morpheus"))
			.judgedBy(this.check, Property.NO_DECOHERENCE);

		assertThat(oldWrite.holds()).as("revision 3 is out of sight").isTrue();
		assertThat(oldWrite.evidence()).isEqualTo("The 1 acknowledged write is held by every connected node.");
		assertThat(recentWrite.holds()).as("revision 17 by Neo replaced Morpheus's").isFalse();
	}

	@Test
	void aNodeThatIsCutOffIsNotHeldToWhatTheOthersAcknowledged() {
		AccountCopy edited = account(SIGNED_UP.id(), "paxosexpert", SIGN_UP, stamp(2, "morpheus"));

		Verdict verdict = Look.at("14:02:13")
			.nodes(up("morpheus", edited), up("neo", edited), cutOff("trinity", SIGNED_UP))
			.acknowledged(write(SIGNED_UP, stamp(2, "morpheus"), "14:02:11", "morpheus"))
			.judgedBy(this.check, Property.NO_DECOHERENCE);

		assertThat(verdict.holds()).isTrue();
	}

	@Test
	void aNodeStillReceivingAnAcknowledgedWriteIsOnlySettling() {
		PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ofSeconds(1));
		AccountCopy edited = account(SIGNED_UP.id(), "paxosexpert", SIGN_UP, stamp(2, "morpheus"));
		Look trailing = Look.at("14:02:11.200")
			.nodes(up("morpheus", edited), up("neo", SIGNED_UP))
			.acknowledged(write(SIGNED_UP, stamp(2, "morpheus"), "14:02:11", "morpheus"));

		Verdict verdict = trailing.judgedBy(check, Property.NO_DECOHERENCE);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo(
				"Settling: Neo lacks the change to paxosexpert acknowledged by Morpheus at 14:02:11 UTC (revision 2), for less than 1 s so far.");
	}

}
