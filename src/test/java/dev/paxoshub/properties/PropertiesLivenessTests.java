package dev.paxoshub.properties;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static dev.paxoshub.properties.Look.connected;
import static dev.paxoshub.properties.Look.cutOff;
import static dev.paxoshub.properties.Look.down;
import static dev.paxoshub.properties.Look.time;
import static dev.paxoshub.properties.Look.up;
import static org.assertj.core.api.Assertions.assertThat;

class PropertiesLivenessTests {

	private final PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ZERO);

	@Test
	void withoutAConnectedMajorityNothingCanBePromised() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus"), cutOff("neo"), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo("No majority is connected, so nothing can be promised.");
	}

	@Test
	void aConnectedMajorityThatTakesWritesIsLive() {
		Verdict verdict = Look.at("14:02:11")
			.nodes(up("morpheus"), up("neo"), up("trinity"))
			.judgedBy(this.check, Property.LIVENESS);

		assertThat(verdict.evidence())
			.isEqualTo("A majority (Morpheus, Neo and Trinity) has been connected since 14:02:11 UTC and has until "
					+ "14:02:13 UTC to start accepting writes.");
		assertThat(Look.at("14:02:13")
			.nodes(up("morpheus"), up("neo"), up("trinity"))
			.judgedBy(this.check, Property.LIVENESS)
			.evidence()).isEqualTo("A majority (Morpheus, Neo and Trinity) is connected and accepts writes.");
	}

	@Test
	void aNewMajorityMayRefuseWritesDuringItsGracePeriodButNotAfter() {
		Verdict electing = Look.at("14:02:11")
			.nodes(connected("morpheus", false, 0), connected("neo", false, 0), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);
		Verdict stillElecting = Look.at("14:02:12.500")
			.nodes(connected("morpheus", false, 0), connected("neo", false, 0), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);
		Verdict stuck = Look.at("14:02:13")
			.nodes(connected("morpheus", true, 0), connected("neo", false, 0), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);

		assertThat(electing.holds()).isTrue();
		assertThat(stillElecting.holds()).isTrue();
		assertThat(stuck.holds()).isFalse();
		assertThat(stuck.evidence())
			.isEqualTo("A majority (Morpheus and Neo) is connected, yet Neo says it cannot write.");
		assertThat(stuck.since()).isEqualTo(time("14:02:13"));
	}

	@Test
	void refusalsSinceTheLastLookCountAgainstAMajorityPastItsGrace() {
		Look.at("14:02:11")
			.nodes(connected("morpheus", true, 0), connected("neo", true, 5), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);
		Look.at("14:02:13")
			.nodes(connected("morpheus", true, 0), connected("neo", true, 5), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);

		Verdict verdict = Look.at("14:02:13.500")
			.nodes(connected("morpheus", true, 0), connected("neo", true, 8), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);

		assertThat(verdict.holds()).isFalse();
		assertThat(verdict.evidence())
			.isEqualTo("A majority (Morpheus and Neo) is connected, yet Neo refused 3 writes in the last 500 ms.");
	}

	@Test
	void refusalsWhileTheMajorityWasStillFormingDoNotCount() {
		Look.at("14:02:11")
			.nodes(connected("morpheus", true, 0), connected("neo", true, 0), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);
		Verdict verdict = Look.at("14:02:13")
			.nodes(connected("morpheus", true, 0), connected("neo", true, 4), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);

		assertThat(verdict.holds()).isTrue();
	}

	@Test
	void aNodeThatRestartedAndCountsFromZeroAgainHasRefusedNothing() {
		Look.at("14:02:11")
			.nodes(connected("morpheus", true, 7), connected("neo", true, 0), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);
		Look.at("14:02:13")
			.nodes(connected("morpheus", true, 7), connected("neo", true, 0), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);

		Verdict verdict = Look.at("14:02:13.500")
			.nodes(connected("morpheus", true, 1), connected("neo", true, 0), down("trinity"))
			.judgedBy(this.check, Property.LIVENESS);

		assertThat(verdict.holds()).isTrue();
	}

	@Test
	void aNodeOutsideTheMajorityMayRefuseWrites() {
		Look.at("14:02:11").nodes(up("morpheus"), up("neo"), cutOff("trinity")).judgedBy(this.check, Property.LIVENESS);
		Look.at("14:02:13").nodes(up("morpheus"), up("neo"), cutOff("trinity")).judgedBy(this.check, Property.LIVENESS);

		Verdict verdict = Look.at("14:02:13.500")
			.nodes(up("morpheus"), up("neo"),
					new NodeObservation("trinity", true, false, false, 12, java.util.List.of()))
			.judgedBy(this.check, Property.LIVENESS);

		assertThat(verdict.holds()).isTrue();
		assertThat(verdict.evidence()).isEqualTo("A majority (Morpheus and Neo) is connected and accepts writes.");
	}

	@Test
	void aChangeInWhoIsConnectedStartsTheGracePeriodAgain() {
		Look.at("14:02:11").nodes(up("morpheus"), up("neo"), up("trinity")).judgedBy(this.check, Property.LIVENESS);
		Look.at("14:02:14").nodes(up("morpheus"), up("neo"), up("trinity")).judgedBy(this.check, Property.LIVENESS);

		Verdict leaderGone = Look.at("14:02:15")
			.nodes(down("morpheus"), connected("neo", false, 0), connected("trinity", false, 0))
			.judgedBy(this.check, Property.LIVENESS);

		assertThat(leaderGone.holds()).isTrue();
		assertThat(leaderGone.evidence()).isEqualTo(
				"A majority (Neo and Trinity) has been connected since 14:02:15 UTC and has until 14:02:17 UTC to start accepting writes.");
	}

	@Test
	void theGracePeriodIsTheCallersToChoose() {
		PropertiesCheck impatient = new PropertiesCheck(Duration.ZERO, Duration.ZERO);

		Verdict verdict = Look.at("14:02:11")
			.nodes(connected("morpheus", false, 0), connected("neo", true, 0), connected("trinity", false, 0))
			.judgedBy(impatient, Property.LIVENESS);

		assertThat(verdict.evidence()).isEqualTo(
				"A majority (Morpheus, Neo and Trinity) is connected, yet Morpheus says it cannot write and Trinity says it cannot write.");
	}

}
