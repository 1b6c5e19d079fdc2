package dev.paxoshub.properties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static dev.paxoshub.properties.Look.account;
import static dev.paxoshub.properties.Look.cutOff;
import static dev.paxoshub.properties.Look.down;
import static dev.paxoshub.properties.Look.stamp;
import static dev.paxoshub.properties.Look.time;
import static dev.paxoshub.properties.Look.up;
import static dev.paxoshub.properties.Look.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The check as a whole: one verdict per property, dated by when it last changed, and the
 * article's story told twice, once as a cluster without consensus lives it and once as a
 * cluster with consensus does.
 */
class PropertiesCheckTests {

	private static final AccountCopy ON_MORPHEUS = account("1a2b3c4d", "paxosexpert", stamp(1, "morpheus"));

	private static final AccountCopy ON_NEO = account("9f8e7d6c", "paxosexpert", stamp(1, "neo"));

	private final PropertiesCheck check = new PropertiesCheck();

	@Test
	void everyLookGetsOneVerdictPerPropertyInTheEnumsOrder() {
		List<Verdict> verdicts = this.check
			.evaluate(Look.at("14:02:11").nodes(up("morpheus"), up("neo"), up("trinity")).observation());

		assertThat(verdicts).extracting(Verdict::property).containsExactly(Property.values());
		assertThat(verdicts).allSatisfy((verdict) -> {
			assertThat(verdict.holds()).isTrue();
			assertThat(verdict.since()).isEqualTo(time("14:02:11"));
		});
	}

	@Test
	void sinceIsWhenAVerdictLastChangedNotWhenItWasLastGiven() {
		PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ZERO);
		Look.at("14:02:10").nodes(up("morpheus"), up("neo")).judgedBy(check, Property.CONFLICT_RESOLUTION);
		Look.at("14:02:11")
			.nodes(up("morpheus", ON_MORPHEUS), up("neo", ON_NEO))
			.judgedBy(check, Property.CONFLICT_RESOLUTION);

		Verdict stillSplit = Look.at("14:02:12")
			.nodes(up("morpheus", ON_MORPHEUS, ON_NEO), up("neo", ON_NEO, ON_MORPHEUS))
			.judgedBy(check, Property.CONFLICT_RESOLUTION);

		assertThat(stillSplit.holds()).isFalse();
		assertThat(stillSplit.since()).isEqualTo(time("14:02:11"));
	}

	@Test
	void theArticlesStoryWithoutConsensusBreaksConflictResolutionNoDecoherenceAndSafety() {
		List<Verdict> last = List.of();
		// Morpheus is flaky: it takes the first sign-up, then Neo takes a second one.
		for (String time : List.of("14:02:00", "14:02:00.500", "14:02:01", "14:02:01.500")) {
			last = this.check.evaluate(Look.at(time)
				.nodes(cutOff("morpheus", ON_MORPHEUS), up("neo", ON_NEO), up("trinity", ON_NEO))
				.acknowledged(write(ON_MORPHEUS, stamp(1, "morpheus"), "14:02:00", "morpheus"),
						write(ON_NEO, stamp(1, "neo"), "14:02:00", "neo"))
				.during("Morpheus flaky")
				.observation());
		}

		assertThat(last).extracting(Verdict::holds).containsExactly(true, false, false, false, true);
		assertThat(last.get(Property.NO_DECOHERENCE.ordinal()).evidence()).isEqualTo(
				"Neo and Trinity lost the change to paxosexpert acknowledged by Morpheus at 14:02:00 UTC (revision 1).");
		assertThat(last.get(Property.SAFETY.ordinal()).evidence()).isEqualTo(
				"Broken at 14:02:01 UTC during 1 fault (Morpheus flaky): paxosexpert stood for 2 different accounts.");
	}

	@Test
	void theArticlesStoryWithConsensusKeepsEveryProperty() {
		List<Verdict> last = List.of();
		// Morpheus is flaky and, with no majority, refuses the sign-up; Neo's goes
		// through.
		for (String time : List.of("14:02:00", "14:02:00.500", "14:02:01", "14:02:01.500", "14:02:02")) {
			last = this.check.evaluate(Look.at(time)
				.nodes(new NodeObservation("morpheus", true, false, false, 1, List.of()), up("neo", ON_NEO),
						up("trinity", ON_NEO))
				.acknowledged(write(ON_NEO, stamp(1, "neo"), "14:02:00", "neo"))
				.during("Morpheus flaky")
				.observation());
		}
		// Healed: Morpheus trails for one look, then holds what the others hold.
		this.check.evaluate(Look.at("14:02:02.500")
			.nodes(up("morpheus"), up("neo", ON_NEO), up("trinity", ON_NEO))
			.acknowledged(write(ON_NEO, stamp(1, "neo"), "14:02:00", "neo"))
			.observation());
		last = this.check.evaluate(Look.at("14:02:03")
			.nodes(up("morpheus", ON_NEO), up("neo", ON_NEO), up("trinity", ON_NEO))
			.acknowledged(write(ON_NEO, stamp(1, "neo"), "14:02:00", "neo"))
			.observation());

		assertThat(last).extracting(Verdict::holds).containsOnly(true);
		assertThat(last).extracting(Verdict::evidence)
			.containsExactly("Morpheus, Neo and Trinity hold the same 1 account.", "Every name stands for one account.",
					"The 1 acknowledged write is held by every connected node.",
					"Held through 1 fault (Morpheus flaky).",
					"A majority (Morpheus, Neo and Trinity) has been connected since 14:02:02 UTC and has until "
							+ "14:02:04 UTC to start accepting writes.");
	}

	@Test
	void aResetForgetsEverySinceAndEveryBreach() {
		PropertiesCheck check = new PropertiesCheck(Duration.ofSeconds(2), Duration.ZERO);
		check.evaluate(Look.at("14:02:11")
			.nodes(cutOff("morpheus", ON_MORPHEUS), up("neo", ON_NEO), down("trinity"))
			.during("Morpheus flaky")
			.observation());

		check.reset();
		List<Verdict> verdicts = check
			.evaluate(Look.at("14:05:00").nodes(up("morpheus"), up("neo"), up("trinity")).observation());

		assertThat(verdicts).allSatisfy((verdict) -> {
			assertThat(verdict.holds()).isTrue();
			assertThat(verdict.since()).isEqualTo(time("14:05:00"));
		});
		assertThat(verdicts.get(Property.SAFETY.ordinal()).evidence()).isEqualTo("No fault yet: nothing to show.");
	}

	@Test
	void theSameLooksGiveTheSameVerdicts() {
		List<ClusterObservation> looks = List.of(
				Look.at("14:02:11").nodes(up("morpheus", ON_MORPHEUS), up("neo"), down("trinity")).observation(),
				Look.at("14:02:12")
					.nodes(up("morpheus", ON_MORPHEUS), up("neo", ON_NEO), cutOff("trinity"))
					.during("Trinity partitioned")
					.observation());
		PropertiesCheck other = new PropertiesCheck();

		for (ClusterObservation look : looks) {
			assertThat(other.evaluate(look)).isEqualTo(this.check.evaluate(look));
		}
	}

	@Test
	void aNegativeGraceOrSettlePeriodIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PropertiesCheck(Duration.ofSeconds(-1), Duration.ZERO))
			.withMessageContaining("electionGrace");
		assertThatIllegalArgumentException().isThrownBy(() -> new PropertiesCheck(Duration.ZERO, Duration.ofMillis(-1)))
			.withMessageContaining("settle");
	}

	@Test
	void thousandsOfAccountsAreSummedUpInASentenceThatStaysShort() {
		List<AccountCopy> accounts = IntStream.range(0, 5000)
			.mapToObj((i) -> account("id-" + i, "user" + i, stamp(1, "morpheus"), stamp(2, "neo")))
			.toList();
		List<AcknowledgedWrite> writes = new ArrayList<>();
		accounts.forEach((account) -> writes.add(write(account, stamp(2, "neo"), "14:02:00", "neo")));

		List<Verdict> verdicts = this.check.evaluate(Look.at("14:02:10")
			.nodes(up("morpheus", accounts), up("neo", accounts), up("trinity", accounts.subList(0, 4990)))
			.acknowledged(writes)
			.observation());

		assertThat(verdicts.get(Property.COHERENCE.ordinal()).evidence()).isEqualTo(
				"Settling: Trinity lacks 10 accounts Morpheus holds (user4990, user4991, user4992 and 7 more), for less than 1 s so far.");
		assertThat(verdicts.get(Property.NO_DECOHERENCE.ordinal()).evidence()).startsWith("Settling: Trinity lacks");
	}

}
