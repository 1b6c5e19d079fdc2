package dev.paxoshub.checker;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CheckerTests {

	private static final String NAME = "paxosexpert";

	private final CheckerHistory h = new CheckerHistory();

	@Test
	void twoAcknowledgedOwnersThroughDifferentNodesAreADuplicate() {
		Op first = this.h.during(0, 10).client(1).via("morpheus").claimed(NAME, "a1");
		Op second = this.h.during(5, 15).client(2).via("neo").claimed(NAME, "a2");
		this.h.during(20, 30).client(3).read(NAME, "a1", null);
		FinalState end = CheckerHistory.nodes()
			.everywhere((node) -> node.holds("a1", first).holds("a2", second).serves(NAME, "a1", null))
			.build();

		Verdict verdict = Checker.check(this.h.history(), end);

		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.INVALID);
		assertThat(verdict.duplicates()).singleElement().satisfies((duplicate) -> {
			assertThat(duplicate.key()).isEqualTo(NAME);
			assertThat(duplicate.accountIds()).containsExactly("a1", "a2");
			assertThat(duplicate.ops()).containsExactly(first.id(), second.id());
			assertThat(duplicate.explanation()).contains("claim #0 made account a1 through Morpheus")
				.contains("claim #1 made account a2 through Neo")
				.endsWith("Morpheus, Neo and Trinity each hold 2 live accounts named 'paxosexpert': a1 and a2.");
		});
		assertThat(verdict.keys()).singleElement()
			.satisfies((key) -> assertThat(key.status()).isEqualTo(Verdict.KeyStatus.NOT_LINEARIZABLE));
	}

	@Test
	void twoLiveAccountsOnOneNodeAreADuplicateEvenWithOneAcknowledgedOwner() {
		Op acknowledged = this.h.during(0, 10).via("morpheus").claimed(NAME, "a1");
		Op lost = this.h.during(2, 1_000).client(2).via("neo").claimLost("PaxosExpert");
		FinalState end = CheckerHistory.nodes()
			.everywhere((node) -> node.holds("a1", acknowledged).serves(NAME, "a1", null))
			.on("neo", (node) -> node.holds("a2", lost))
			.build();

		Verdict verdict = Checker.check(this.h.history(), end);

		assertThat(verdict.duplicates()).singleElement().satisfies((duplicate) -> {
			assertThat(duplicate.key()).isEqualTo(NAME);
			assertThat(duplicate.accountIds()).containsExactly("a1", "a2");
			assertThat(duplicate.ops()).containsExactly(acknowledged.id(), lost.id());
			assertThat(duplicate.explanation()).isEqualTo("Neo holds 2 live accounts named 'paxosexpert': a1 and a2.");
		});
		// The claim whose answer was lost may simply have come second and been told no.
		assertThat(verdict.keys()).singleElement()
			.satisfies((key) -> assertThat(key.status()).isEqualTo(Verdict.KeyStatus.LINEARIZABLE));
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.INVALID);
	}

	@Test
	void aReleasedRecordIsNoDuplicate() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		FinalState end = CheckerHistory.nodes()
			.everywhere((node) -> node.holds("a1", claim).serves(NAME, "a1", null))
			.on("neo", (node) -> node.released("a0", NAME))
			.build();

		assertThat(Checker.check(this.h.history(), end).duplicates()).isEmpty();
	}

	@Test
	void anAcknowledgedEditOrClaimANodeNoLongerShowsIsLost() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(20, 30).edited(NAME, "a1", "v1");
		Op last = this.h.during(40, 50).edited(NAME, "a1", "v2");
		FinalState end = CheckerHistory.nodes()
			.on("morpheus", (node) -> node.holds("a1", claim).serves(NAME, "a1", "v2"))
			.on("neo", (node) -> node.holds("a1", claim).serves(NAME, "a1", "v1"))
			.build();

		Verdict verdict = Checker.check(this.h.history(), end);

		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.INVALID);
		assertThat(verdict.lostWrites())
			.extracting(Verdict.LostWrite::key, Verdict.LostWrite::op, Verdict.LostWrite::node)
			.containsExactly(tuple(NAME, claim.id(), "trinity"), tuple(NAME, last.id(), "neo"));
		assertThat(verdict.lostWrites().get(0).explanation()).isEqualTo(
				"Trinity serves no account named 'paxosexpert', though claim #0 made account a1 and was acknowledged.");
		assertThat(verdict.lostWrites().get(1).explanation())
			.isEqualTo("Neo shows 'v1' for account a1, not 'v2' that edit #2 wrote and was acknowledged.");
		assertThat(verdict.keys()).extracting(Verdict.KeyResult::status).containsOnly(Verdict.KeyStatus.LINEARIZABLE);
	}

	@Test
	void aNodeServingAnotherAccountLostTheAcknowledgedOne() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		FinalState end = CheckerHistory.nodes()
			.everywhere((node) -> node.holds("a1", claim).serves(NAME, "a1", null))
			.on("trinity", (node) -> node.serves(NAME, "a9", null))
			.build();

		assertThat(Checker.check(this.h.history(), end).lostWrites()).singleElement().satisfies((lost) -> {
			assertThat(lost.op()).isEqualTo(claim.id());
			assertThat(lost.node()).isEqualTo("trinity");
			assertThat(lost.explanation()).contains("serves account a9", "not account a1");
		});
	}

	@Test
	void aNodeMayShowAnEditThatDidNotPrecedeTheLastAcknowledgedOneButNotAnOlderOne() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(20, 30).edited(NAME, "a1", "older");
		this.h.during(35, 45).client(2).edited(NAME, "a1", "overlapping");
		this.h.during(38, 39).client(3).editLost(NAME, "a1", "lost-early");
		this.h.during(40, 50).edited(NAME, "a1", "last");
		FinalState end = CheckerHistory.nodes()
			.everywhere((node) -> node.holds("a1", claim))
			.on("morpheus", (node) -> node.serves(NAME, "a1", "overlapping"))
			.on("neo", (node) -> node.serves(NAME, "a1", "lost-early"))
			.on("trinity", (node) -> node.serves(NAME, "a1", "older"))
			.build();

		Verdict verdict = Checker.check(this.h.history(), end);

		// The unknown edit gave up before the last one began, yet may have applied after
		// it.
		assertThat(verdict.lostWrites()).extracting(Verdict.LostWrite::op, Verdict.LostWrite::node)
			.containsExactly(tuple(4, "trinity"));
	}

	@Test
	void aNodeThatNeverServedAgainIsNotAskedForWritesButIsNotRecovered() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		FinalState end = CheckerHistory.nodes()
			.everywhere((node) -> node.holds("a1", claim).serves(NAME, "a1", null))
			.on("neo", (node) -> node.servingAfter(null).serves(NAME, "a9", null))
			.build();

		Verdict verdict = Checker.check(this.h.history(), end);

		assertThat(verdict.lostWrites()).isEmpty();
		assertThat(verdict.recoveries()).extracting(Verdict.Recovery::node, Verdict.Recovery::withinLimit)
			.containsExactly(tuple("morpheus", true), tuple("neo", false), tuple("trinity", true));
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.INVALID);
	}

	@Test
	void aNotFoundAfterAnAcknowledgedClaimAndAnOlderDisplayNameAfterAnAcknowledgedEditAreStale() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		Op notFound = this.h.during(20, 30).client(2).via("neo").readAbsent(NAME);
		this.h.during(40, 50).edited(NAME, "a1", "v1");
		// Overlapping the edit, the old name is still a fine answer.
		this.h.during(55, 65).client(2).read(NAME, "a1", "v1");
		Op second = this.h.during(60, 70).edited(NAME, "a1", "v2");
		Op older = this.h.during(80, 90).client(2).via("trinity").read(NAME, "a1", "v1");
		this.h.during(100, 110).client(3).read(NAME, "a1", "v2");
		FinalState end = CheckerHistory.nodes()
			.everywhere((node) -> node.holds("a1", claim).serves(NAME, "a1", "v2"))
			.build();

		Verdict verdict = Checker.check(this.h.history(), end);

		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.INVALID);
		assertThat(verdict.staleReads())
			.extracting(Verdict.StaleRead::key, Verdict.StaleRead::op, Verdict.StaleRead::missed)
			.containsExactly(tuple(NAME, notFound.id(), claim.id()), tuple(NAME, older.id(), second.id()));
		assertThat(verdict.staleReads().get(0).explanation()).isEqualTo("read #1 found no account named"
				+ " 'paxosexpert', though claim #0 had made account a1 and been acknowledged 10 ms before it began.");
		assertThat(verdict.staleReads().get(1).explanation())
			.startsWith("read #5 saw 'v1' for account a1, older than 'v2' that edit #4 had written");
		assertThat(verdict.lostWrites()).isEmpty();
	}

	@Test
	void aReadOfNoDisplayNameAfterAnAcknowledgedEditIsStale() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		Op edit = this.h.during(20, 30).edited(NAME, "a1", "v1");
		Op read = this.h.during(40, 50).read(NAME, "a1", null);

		Verdict verdict = Checker.check(this.h.history(), consistent(claim, "a1", "v1"));

		assertThat(verdict.staleReads()).extracting(Verdict.StaleRead::op, Verdict.StaleRead::missed)
			.containsExactly(tuple(read.id(), edit.id()));
	}

	@Test
	void aReadOfAnotherAccountThanTheAcknowledgedOneServedAnotherCopy() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		Op read = this.h.during(20, 30).via("neo").read(NAME, "a2", null);

		Verdict verdict = Checker.check(this.h.history(), consistent(claim, "a1", null));

		assertThat(verdict.staleReads()).singleElement().satisfies((stale) -> {
			assertThat(stale.op()).isEqualTo(read.id());
			assertThat(stale.missed()).isEqualTo(claim.id());
			assertThat(stale.explanation()).contains("another copy");
		});
	}

	@Test
	void aReadOfAValueWhoseEditOverlappedTheNewerOneIsNotStale() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(20, 40).edited(NAME, "a1", "v1");
		// Acknowledged last, but it may have taken effect first.
		this.h.during(30, 50).client(2).edited(NAME, "a1", "v2");
		this.h.during(60, 70).client(3).read(NAME, "a1", "v1");

		Verdict verdict = Checker.check(this.h.history(), consistent(claim, "a1", "v1"));

		assertThat(verdict.staleReads()).isEmpty();
		assertThat(verdict.lostWrites()).isEmpty();
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.VALID);
	}

	@Test
	void aReadOfAValueAnUnknownEditWroteIsNeverStale() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(15, 16).editLost(NAME, "a1", "late");
		this.h.during(20, 30).edited(NAME, "a1", "v1");
		this.h.during(40, 50).read(NAME, "a1", "late");

		Verdict verdict = Checker.check(this.h.history(), consistent(claim, "a1", "late"));

		assertThat(verdict.staleReads()).isEmpty();
		assertThat(verdict.keys()).extracting(Verdict.KeyResult::status).containsOnly(Verdict.KeyStatus.LINEARIZABLE);
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.VALID);
	}

	/**
	 * Two reads overlap one edit: the first, over before the second began, sees the new
	 * name, the second the old one. Each alone is a fine answer to a read overlapping the
	 * edit, so no real-time rule flags either; only the order of the two reads rules out
	 * every linearization.
	 */
	@Test
	void aNewValueThenTheOldOneWhileOneEditIsInFlightIsOnlyCaughtByLinearizability() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(20, 30).edited(NAME, "a1", "old");
		Op edit = this.h.during(40, 200).client(2).edited(NAME, "a1", "new");
		Op sawNew = this.h.during(50, 60).client(3).via("morpheus").read(NAME, "a1", "new");
		Op sawOld = this.h.during(70, 80).client(4).via("neo").read(NAME, "a1", "old");
		this.h.during(210, 220).client(3).read(NAME, "a1", "new");

		Verdict verdict = Checker.check(this.h.history(), consistent(claim, "a1", "new"));

		assertThat(verdict.staleReads()).isEmpty();
		assertThat(verdict.duplicates()).isEmpty();
		assertThat(verdict.lostWrites()).isEmpty();
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.INVALID);
		assertThat(verdict.keys()).singleElement().satisfies((key) -> {
			assertThat(key.key()).isEqualTo(NAME);
			assertThat(key.operations()).isEqualTo(6);
			assertThat(key.status()).isEqualTo(Verdict.KeyStatus.NOT_LINEARIZABLE);
			assertThat(key.ops()).containsExactly(edit.id(), sawNew.id(), sawOld.id());
			assertThat(key.explanation()).isEqualTo("No order of these operations explains read #4 seeing account a1"
					+ " with display name 'old' after read #3 had seen 'new' (written by edit #2).");
		});
	}

	@Test
	void aReadSeeingAnOldValueAfterTheEditWasAcknowledgedIsExplainedInWords() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(20, 30).edited(NAME, "a1", "c3-e7");
		this.h.during(40, 50).client(2).edited(NAME, "a1", "c3-e9");
		this.h.during(60, 70).client(3).read(NAME, "a1", "c3-e7");

		Verdict verdict = Checker.check(this.h.history(), consistent(claim, "a1", "c3-e9"));

		assertThat(verdict.keys()).singleElement().satisfies((key) -> {
			assertThat(key.status()).isEqualTo(Verdict.KeyStatus.NOT_LINEARIZABLE);
			assertThat(key.ops()).containsExactly(2, 3);
			assertThat(key.explanation()).isEqualTo("No order of these operations explains read #3 seeing account a1"
					+ " with display name 'c3-e7' after edit #2 set 'c3-e9' had been acknowledged.");
		});
	}

	@Test
	void aCleanHistoryWithConcurrencyAndUnknownsIsValid() {
		String fan = "morpheusfan";
		// Its answer lost, yet it made account b1: the account's email carries its
		// attempt.
		Op lostClaim = this.h.during(0, 1_000).client(1).via("morpheus").claimLost(fan);
		this.h.during(100, 150).client(2).via("neo").claimTaken(fan);
		this.h.during(1_200, 1_210).client(3).read(fan, "b1", null);
		this.h.during(1_300, 1_350).client(1).edited(fan, "b1", "x1");
		this.h.during(1_320, 1_330).client(3).read(fan, "b1", null);
		this.h.during(1_400, 2_400).client(1).editLost(fan, "b1", "x2");
		this.h.during(1_410, 1_420).client(3).read(fan, "b1", "x1");
		this.h.during(2_500, 2_510).client(3).read(fan, "b1", "x2");
		// Never seen: it did nothing, or came after every read.
		this.h.during(2_600, 3_600).client(1).editLost(fan, "b1", "x3");
		this.h.during(3_700, 3_710).client(3).read(fan, "b1", "x2");

		Op claim = this.h.during(0, 100).client(4).via("trinity").claimed(NAME, "a1");
		this.h.during(10, 20).client(5).readAbsent(NAME);
		this.h.during(50, 120).client(6).via("neo").claimTaken(NAME);
		this.h.during(60, 70).client(5).read(NAME, "a1", null);
		this.h.during(80, 90).client(7).claimRefused(NAME);
		this.h.during(130, 200).client(4).edited(NAME, "a1", "n1");
		this.h.during(150, 160).client(5).read(NAME, "a1", null);
		this.h.during(170, 180).client(6).read(NAME, "a1", "n1");
		this.h.during(190, 210).client(5).read(NAME, "a1", "n1");
		this.h.during(220, 230).client(4).editFailed(NAME, "a1", "never");
		this.h.during(240, 250).client(5).readFailed(NAME);
		this.h.during(240, 2_000).client(6).readLost(NAME);
		this.h.during(260, 270).client(5).read(NAME, "a1", "n1");

		FinalState end = CheckerHistory.nodes()
			.everywhere((node) -> node.holds("b1", lostClaim)
				.serves(fan, "b1", "x2")
				.holds("a1", claim)
				.serves(NAME, "a1", "n1"))
			.on("trinity", (node) -> node.serves(fan, "b1", "x3"))
			.build();

		Verdict verdict = Checker.check(this.h.history(), end);

		assertThat(verdict.keys())
			.extracting(Verdict.KeyResult::key, Verdict.KeyResult::operations, Verdict.KeyResult::status,
					Verdict.KeyResult::ops)
			.containsExactly(tuple(fan, 10, Verdict.KeyStatus.LINEARIZABLE, List.of()),
					tuple(NAME, 13, Verdict.KeyStatus.LINEARIZABLE, List.of()));
		assertThat(verdict.duplicates()).isEmpty();
		assertThat(verdict.lostWrites()).isEmpty();
		assertThat(verdict.staleReads()).isEmpty();
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.VALID);
		assertThat(verdict.operations()).isEqualTo(23);
		assertThat(verdict.mode()).isEqualTo("on");
		assertThat(verdict.checkMillis()).isPositive();
	}

	@Test
	void theSameHistoryIsNoLongerCleanWhenTheLostClaimLeftNoAccount() {
		String fan = "morpheusfan";
		this.h.during(0, 1_000).client(1).claimLost(fan);
		Op read = this.h.during(1_200, 1_210).client(3).read(fan, "b1", null);

		Verdict verdict = Checker.check(this.h.history(), CheckerHistory.nodes().build());

		assertThat(verdict.keys()).singleElement().satisfies((key) -> {
			assertThat(key.status()).isEqualTo(Verdict.KeyStatus.NOT_LINEARIZABLE);
			assertThat(key.ops()).contains(read.id());
			assertThat(key.explanation()).contains("read #1 seeing account b1", "an account no claim made");
		});
	}

	@Test
	void aNameToldTakenBeforeAnyClaimBeganAndAnEditOfAnotherAccountAreExplainedInWords() {
		this.h.during(0, 10).claimTaken(NAME);
		this.h.during(20, 30).claimed(NAME, "a1");
		this.h.during(0, 10).claimed("other", "b1");
		this.h.during(20, 30).edited("other", "b2", "v1");

		Verdict verdict = Checker.check(this.h.history(), CheckerHistory.nodes().build());

		assertThat(verdict.keys())
			.extracting(Verdict.KeyResult::key, Verdict.KeyResult::ops, Verdict.KeyResult::explanation)
			.containsExactly(
					tuple("other", List.of(2, 3),
							"No order of these operations explains edit #3 of account b2 being acknowledged"
									+ " while the name belonged to account b1 (claim #2)."),
					tuple(NAME, List.of(0),
							"No order of these operations explains claim #0 being told the name was taken,"
									+ " though no claim of it had begun before it ended."));
	}

	@Test
	void anOutageIsTheLongestStretchWithoutAnAcknowledgedWriteAroundTheFault() {
		this.h.fault("kill", "neo", 1_000, 3_000);
		this.h.during(400, 500).claimed(NAME, "a1");
		this.h.during(1_100, 1_200).edited(NAME, "a1", "v1");
		this.h.during(1_250, 1_300).edited(NAME, "a1", "v2");
		// Reads and failed writes are no sign that writes work.
		this.h.during(2_000, 2_100).read(NAME, "a1", "v2");
		this.h.during(2_000, 2_200).editFailed(NAME, "a1", "no");
		this.h.during(4_400, 4_500).edited(NAME, "a1", "v3");
		this.h.during(4_550, 4_600).edited(NAME, "a1", "v4");

		Verdict verdict = Checker.check(this.h.history(), CheckerHistory.nodes().build());

		assertThat(verdict.outages()).singleElement().satisfies((outage) -> {
			assertThat(outage.fault()).isEqualTo("kill");
			assertThat(outage.node()).isEqualTo("neo");
			assertThat(outage.start()).isEqualTo(1_000);
			assertThat(outage.end()).isEqualTo(3_000);
			assertThat(outage.unavailableMs()).isEqualTo(3_200);
			assertThat(outage.explanation()).isEqualTo("Writes stopped for 3.2 s after Neo was killed.");
		});
	}

	@Test
	void writesThatGoOnThroughAFaultMakeAShortOutageCountedToASecondAfterIt() {
		this.h.fault("partition", "trinity", 1_000, 2_000);
		for (int at = 0; at <= 3_200; at += 200) {
			this.h.during(at, at + 50).edited(NAME, "a1", "v" + at);
		}

		Verdict.Outage outage = Checker.check(this.h.history(), null).outages().get(0);

		assertThat(outage.unavailableMs()).isEqualTo(200);
		assertThat(outage.explanation())
			.isEqualTo("Writes went on after Trinity was cut off from the others: the longest pause was 200 ms.");
	}

	@Test
	void aClaimToldTheNameIsTakenIsAWriteTheClusterDecidedButARefusalForWantOfAMajorityIsNot() {
		this.h.fault("kill", "neo", 1_000, 2_000);
		this.h.during(900, 950).edited(NAME, "a1", "v1");
		for (int at = 1_000; at <= 5_000; at += 500) {
			this.h.during(at, at + 50).claimRefused("other");
		}
		this.h.during(1_300, 1_350).claimTaken(NAME);
		this.h.during(3_000, 3_050).claimTaken(NAME);

		Verdict.Outage outage = Checker.check(this.h.history(5_000), null).outages().get(0);

		assertThat(outage.unavailableMs()).isEqualTo(1_700);
		assertThat(outage.explanation()).isEqualTo("Writes stopped for 1.7 s after Neo was killed.");
	}

	@Test
	void writesThatNeverCameBackAreUnavailableUntilTheRunEnded() {
		this.h.fault("pause", "morpheus", 1_000, 2_000);
		this.h.during(900, 950).edited(NAME, "a1", "v1");

		Verdict.Outage outage = Checker.check(this.h.history(10_000), null).outages().get(0);

		assertThat(outage.unavailableMs()).isEqualTo(9_000);
	}

	@Test
	void theTimeAfterTheClientsStoppedIsNoOutageEvenWhileTheFaultLasts() {
		// A killed node is started again while the run winds down: its fault ends after
		// the clients' last request.
		this.h.fault("kill", "neo", 1_000, 14_000);
		for (int at = 0; at <= 9_800; at += 200) {
			this.h.during(at, at + 50).edited(NAME, "a1", "v" + at);
		}

		Verdict.Outage outage = Checker.check(this.h.history(10_000), null).outages().get(0);

		assertThat(outage.unavailableMs()).isEqualTo(200);
		assertThat(outage.explanation())
			.isEqualTo("Writes went on after Neo was killed: the longest pause was 200 ms.");
	}

	@Test
	void aNodeRecoversWithinThirtySecondsOfHealing() {
		FinalState end = CheckerHistory.nodes()
			.on("morpheus", (node) -> node.servingAfter(30_000.0))
			.on("neo", (node) -> node.servingAfter(30_001.0))
			.on("trinity", (node) -> node.servingAfter(null))
			.build();

		Verdict verdict = Checker.check(this.h.history(), end);

		assertThat(verdict.recoveries())
			.extracting(Verdict.Recovery::node, Verdict.Recovery::servedAfterMs, Verdict.Recovery::withinLimit)
			.containsExactly(tuple("morpheus", 30_000.0, true), tuple("neo", 30_001.0, false),
					tuple("trinity", null, false));
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.INVALID);
	}

	@Test
	void anEmptyHistoryWithEveryNodeBackIsValid() {
		Verdict verdict = Checker.check(this.h.history(), CheckerHistory.nodes().build());

		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.VALID);
		assertThat(verdict.keys()).isEmpty();
		assertThat(verdict.recoveries()).hasSize(3);
	}

	@Test
	void aNameTheSearchGivesUpOnIsUndecidedAndLeavesARunWithoutAnomaliesUnknown() {
		Op claim = this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(5, 30).client(2).edited(NAME, "a1", "v1");
		this.h.during(20, 40).client(3).read(NAME, "a1", "v1");
		FinalState end = consistent(claim, "a1", "v1");

		Verdict verdict = Checker.check(this.h.history(), end, 2);

		assertThat(verdict.keys()).singleElement().satisfies((key) -> {
			assertThat(key.status()).isEqualTo(Verdict.KeyStatus.UNDECIDED);
			assertThat(key.ops()).isEmpty();
			assertThat(key.explanation()).isEqualTo("The search gave up after 3 steps, before it could tell whether"
					+ " some order of these 3 operations explains every answer: too many of them overlap.");
		});
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.UNKNOWN);
		assertThat(verdict.valid()).isFalse();
		// Given the steps it needs, the search decides the same history.
		assertThat(Checker.check(this.h.history(), end).validity()).isEqualTo(Verdict.Validity.VALID);
	}

	@Test
	void anAnomalyMakesARunInvalidEvenWithANameLeftUndecided() {
		Op first = this.h.during(0, 10).claimed(NAME, "a1");
		Op second = this.h.during(5, 15).client(2).claimed(NAME, "a2");
		FinalState end = CheckerHistory.nodes()
			.everywhere((node) -> node.holds("a1", first).holds("a2", second).serves(NAME, "a1", null))
			.build();

		Verdict verdict = Checker.check(this.h.history(), end, 2);

		assertThat(verdict.duplicates()).hasSize(1);
		assertThat(verdict.keys()).singleElement()
			.satisfies((key) -> assertThat(key.status()).isEqualTo(Verdict.KeyStatus.UNDECIDED));
		assertThat(verdict.validity()).isEqualTo(Verdict.Validity.INVALID);
	}

	/** Every node holds the claim's account and shows it with that display name. */
	private static FinalState consistent(Op claim, String id, String displayName) {
		return CheckerHistory.nodes()
			.everywhere((node) -> node.holds(id, claim).serves(claim.key(), id, displayName))
			.build();
	}

}
