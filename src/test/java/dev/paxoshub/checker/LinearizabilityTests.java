package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search itself, on one name: histories some order explains, histories none does and
 * the operation it names, and the pruning that keeps it fast.
 */
class LinearizabilityTests {

	private static final String NAME = "paxosexpert";

	private final CheckerHistory h = new CheckerHistory();

	@Test
	void anEmptyHistoryIsLinearizable() {
		assertThat(Linearizability.search(List.of()).linearizable()).isTrue();
	}

	@Test
	void aClaimAnEditAndReadsOneAfterAnotherAreLinearizable() {
		this.h.during(0, 5).readAbsent(NAME);
		this.h.during(10, 20).claimed(NAME, "a1");
		this.h.during(30, 40).read(NAME, "a1", null);
		this.h.during(50, 60).edited(NAME, "a1", "v1");
		this.h.during(70, 80).read(NAME, "a1", "v1");

		assertThat(search().linearizable()).isTrue();
	}

	@Test
	void aReadOverlappingAnEditMaySeeTheOldValue() {
		this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(20, 100).edited(NAME, "a1", "v1");
		this.h.during(30, 40).client(2).read(NAME, "a1", null);

		assertThat(search().linearizable()).isTrue();
	}

	@Test
	void aReadOverlappingAnEditMaySeeTheNewValue() {
		this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(20, 100).edited(NAME, "a1", "v1");
		this.h.during(30, 40).client(2).read(NAME, "a1", "v1");

		assertThat(search().linearizable()).isTrue();
	}

	@Test
	void aReadCannotSeeAValueBeforeItsEditWasSent() {
		this.h.during(0, 10).claimed(NAME, "a1");
		Op early = this.h.during(20, 30).client(2).read(NAME, "a1", "v1");
		this.h.during(40, 50).edited(NAME, "a1", "v1");

		Linearizability.Result result = search();

		assertThat(result.finding()).isEqualTo(Linearizability.Finding.NOT_LINEARIZABLE);
		assertThat(result.blocked().op()).isEqualTo(early);
	}

	@Test
	void twoOverlappingEditsTakeEffectInOneOrderForEveryReader() {
		this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(20, 40).client(1).edited(NAME, "a1", "one");
		this.h.during(20, 40).client(2).edited(NAME, "a1", "two");
		this.h.during(50, 60).client(3).read(NAME, "a1", "two");
		Op flipped = this.h.during(70, 80).client(4).read(NAME, "a1", "one");

		Linearizability.Result result = search();

		assertThat(result.linearizable()).isFalse();
		assertThat(result.blocked().op()).isEqualTo(flipped);
	}

	@Test
	void twoOverlappingAcknowledgedClaimsOfOneNameAreNotLinearizable() {
		this.h.during(0, 10).claimed(NAME, "a1");
		Op second = this.h.during(5, 15).client(2).claimed(NAME, "a2");

		Linearizability.Result result = search();

		assertThat(result.linearizable()).isFalse();
		assertThat(result.blocked().op()).isEqualTo(second);
	}

	@Test
	void aClaimToldTheNameIsTakenNeedsAnOwnerBeforeItEnded() {
		this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(5, 15).client(2).claimTaken(NAME);

		assertThat(search().linearizable()).isTrue();
	}

	@Test
	void aClaimToldTheNameIsTakenWithNoClaimAtAllIsNotLinearizable() {
		Op taken = this.h.during(0, 10).claimTaken(NAME);
		this.h.during(20, 30).client(2).claimed(NAME, "a1");

		Linearizability.Result result = search();

		assertThat(result.linearizable()).isFalse();
		assertThat(result.blocked().op()).isEqualTo(taken);
	}

	@Test
	void aLostClaimThatLeftNoAccountMayStillHaveHeldTheNameForAWhile() {
		// A node took it, told the second claim no, and lost it in a crash.
		this.h.during(0, 1_000).claimLost(NAME);
		this.h.during(10, 20).client(2).claimTaken(NAME);

		assertThat(search().linearizable()).isTrue();
	}

	@Test
	void aLostClaimMadeTheAccountItsAttemptNamesInTheFinalState() {
		Op lost = this.h.during(0, 1_000).claimLost(NAME);
		this.h.during(1_100, 1_200).client(2).read(NAME, "a7", null);
		this.h.during(1_300, 1_400).client(3).claimTaken(NAME);

		assertThat(search(holding("a7", lost)).linearizable()).isTrue();
	}

	@Test
	void aReadCannotSeeTheAccountOfALostClaimBeforeTheClaimWasSent() {
		Op read = this.h.during(0, 10).client(2).read(NAME, "a7", null);
		Op lost = this.h.during(20, 1_000).claimLost(NAME);

		Linearizability.Result result = search(holding("a7", lost));

		assertThat(result.linearizable()).isFalse();
		assertThat(result.blocked().op()).isEqualTo(read);
	}

	@Test
	void aLostEditMayHaveTakenEffectLateOrNever() {
		this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(20, 30).edited(NAME, "a1", "v1");
		this.h.during(40, 1_000).editLost(NAME, "a1", "late");
		this.h.during(1_100, 1_200).client(2).read(NAME, "a1", "v1");
		this.h.during(1_300, 1_400).client(2).read(NAME, "a1", "late");
		this.h.during(1_500, 2_500).editLost(NAME, "a1", "never");
		this.h.during(2_600, 2_700).client(2).read(NAME, "a1", "late");

		assertThat(search().linearizable()).isTrue();
	}

	@Test
	void aLostEditCannotBeUndone() {
		this.h.during(0, 10).claimed(NAME, "a1");
		this.h.during(20, 30).edited(NAME, "a1", "v1");
		this.h.during(40, 1_000).editLost(NAME, "a1", "late");
		this.h.during(1_100, 1_200).client(2).read(NAME, "a1", "late");
		Op undone = this.h.during(1_300, 1_400).client(2).read(NAME, "a1", "v1");

		Linearizability.Result result = search();

		assertThat(result.linearizable()).isFalse();
		assertThat(result.blocked().op()).isEqualTo(undone);
	}

	@Test
	void anAcknowledgedEditOfAnAccountThatDoesNotOwnTheNameIsNotLinearizable() {
		this.h.during(0, 10).claimed(NAME, "a1");
		Op edit = this.h.during(20, 30).edited(NAME, "a2", "v1");

		Linearizability.Result result = search();

		assertThat(result.linearizable()).isFalse();
		assertThat(result.blocked().op()).isEqualTo(edit);
	}

	@Test
	void readsAreNeverBranchedOnSoOverlappingOnesCostOneWalkEach() {
		this.h.during(0, 10).claimed(NAME, "a1");
		for (int client = 1; client <= 12; client++) {
			this.h.during(20, 100).client(client).read(NAME, "a1", null);
		}
		Op ghost = this.h.during(20, 100).client(13).read(NAME, "a1", "ghost");

		Linearizability.Result result = search();

		// Branching on them would try all of their 2^13 subsets, or 13! orders.
		assertThat(result.linearizable()).isFalse();
		assertThat(result.blocked().op()).isEqualTo(ghost);
		assertThat(result.steps()).isLessThan(500);
	}

	@Test
	void theMemoKeepsAFailingSearchOverManyOverlappingEditsToSubsetsNotOrders() {
		overlappingEditsThenAGhost();

		Linearizability.Result result = search();

		// 10 edits: about 10 * 2^10 sets with their last value, not 10! orders.
		assertThat(result.linearizable()).isFalse();
		assertThat(result.blocked().op().value()).isEqualTo("ghost");
		assertThat(result.steps()).isLessThan(1_000_000);
	}

	@Test
	void theSearchGivesUpPastItsStepLimitRatherThanRunForEver() {
		overlappingEditsThenAGhost();

		Linearizability.Result result = Linearizability.search(ops(CheckerHistory.nodes().build()), 1_000);

		assertThat(result.finding()).isEqualTo(Linearizability.Finding.GAVE_UP);
		assertThat(result.linearizable()).isFalse();
		assertThat(result.steps()).isEqualTo(1_001);
	}

	@Test
	void lostOperationsThatCannotMatterAreLeftOutAndSeenOnesGetADeadline() {
		Op lostFirst = this.h.during(0, 500).claimLost(NAME);
		Op claim = this.h.during(5, 100).client(2).claimed(NAME, "a1");
		// Begun once the name certainly had an owner: it can have done nothing.
		this.h.during(200, 900).client(3).claimLost(NAME);
		this.h.during(1_000, 1_100).claimRefused(NAME);
		Op read = this.h.during(1_200, 1_300).client(2).read(NAME, "a1", null);
		// Nobody saw its display name: it can only have made reads wrong.
		this.h.during(1_400, 2_400).edited(NAME, "a1", "v1").hashCode();
		this.h.during(2_500, 3_500).client(2).editLost(NAME, "a1", "unseen");
		Op seen = this.h.during(3_600, 4_600).client(2).editLost(NAME, "a1", "seen");
		Op sawIt = this.h.during(5_000, 5_100).client(3).read(NAME, "a1", "seen");
		this.h.during(5_200, 5_300).client(3).readFailed(NAME);

		List<AccountOp> ops = ops(CheckerHistory.nodes().build());

		assertThat(ops).extracting((op) -> op.op().id())
			.containsExactly(lostFirst.id(), claim.id(), read.id(), 5, seen.id(), sawIt.id());
		assertThat(ops).extracting(AccountOp::index).containsExactly(0, 1, 2, 3, 4, 5);
		assertThat(ops.get(0).unbounded()).isTrue();
		assertThat(ops.get(4).deadline()).isEqualTo(sawIt.end());
		assertThat(ops.get(4).certain()).isFalse();
	}

	@Test
	void manyLostEditsNobodyReadCostTheSearchNothing() {
		this.h.during(0, 10).claimed(NAME, "a1");
		for (int i = 0; i < 60; i++) {
			double at = 100 + i * 100;
			this.h.during(at, at + 5_000).client(2 + i % 8).editLost(NAME, "a1", "lost-" + i);
			this.h.during(at + 10, at + 20).client(1).read(NAME, "a1", null);
		}

		Linearizability.Result result = search();

		assertThat(result.linearizable()).isTrue();
		assertThat(result.steps()).isLessThan(10_000);
	}

	@Test
	void manyLostEditsThatWereReadAreBoundedByTheirFirstReader() {
		this.h.during(0, 10).claimed(NAME, "a1");
		for (int i = 0; i < 60; i++) {
			double at = 100 + i * 100;
			this.h.during(at, at + 5_000).client(2 + i % 8).editLost(NAME, "a1", "lost-" + i);
			this.h.during(at + 50, at + 60).client(1).read(NAME, "a1", "lost-" + i);
		}

		Linearizability.Result result = search();

		assertThat(result.linearizable()).isTrue();
		assertThat(result.steps()).isLessThan(100_000);
	}

	/**
	 * Small random histories, checked against trying every order of their operations: the
	 * pruning, the deadlines given to lost operations, the memo and the rule that
	 * observations are never branched on must not change a single verdict.
	 */
	@Test
	void theSearchAgreesWithTryingEveryOrderOnSmallRandomHistories() {
		Random random = new Random(7);
		int linearizable = 0;
		for (int round = 0; round < 3_000; round++) {
			CheckerHistory history = new CheckerHistory();
			List<Op> lostClaims = new ArrayList<>();
			int size = 2 + random.nextInt(6);
			for (int i = 0; i < size; i++) {
				double start = random.nextInt(12);
				CheckerHistory.Step step = history.during(start, start + 1 + random.nextInt(6)).client(i);
				String account = (random.nextBoolean()) ? "a1" : "a2";
				String value = (random.nextBoolean()) ? "x" : "y";
				switch (random.nextInt(9)) {
					case 0 -> step.claimed(NAME, account);
					case 1 -> step.claimTaken(NAME);
					case 2 -> lostClaims.add(step.claimLost(NAME));
					case 3 -> step.edited(NAME, account, value);
					case 4 -> step.editLost(NAME, account, value);
					case 5 -> step.readAbsent(NAME);
					case 6 -> step.read(NAME, account, null);
					default -> step.read(NAME, account, value);
				}
			}
			CheckerHistory.Nodes nodes = CheckerHistory.nodes();
			for (Op claim : lostClaims) {
				if (random.nextBoolean()) {
					String id = (random.nextBoolean()) ? "a1" : "a2";
					nodes.on("neo", (node) -> node.holds(id, claim));
				}
			}
			FinalState finalState = nodes.build();
			List<KeyOps> keys = KeyOps.of(history.history());
			ClaimedAccounts accounts = new ClaimedAccounts(finalState);
			boolean expected = everyOrder(keys.get(0).ops(), accounts);
			Linearizability.Result result = Linearizability.search(AccountOps.of(keys.get(0), accounts));
			assertThat(result.linearizable()).as("round %d: %s", round, keys.get(0).ops()).isEqualTo(expected);
			linearizable += expected ? 1 : 0;
		}
		// Both answers are well represented, so the comparison says something.
		assertThat(linearizable).isBetween(300, 2_700);
	}

	/** Brute force, straight from the semantics: any order real time allows. */
	private static boolean everyOrder(List<Op> history, ClaimedAccounts accounts) {
		List<Op> ops = history.stream()
			.filter((op) -> (op.kind() == Op.Kind.READ) ? op.ok()
					: op.outcome() != Op.Outcome.FAIL || (op.kind() == Op.Kind.CLAIM && op.status() == 409))
			.toList();
		return extend(ops, new boolean[ops.size()], 0, null, null, accounts);
	}

	private static boolean extend(List<Op> ops, boolean[] placed, int count, String owner, String display,
			ClaimedAccounts accounts) {
		if (count == ops.size()) {
			return true;
		}
		for (int i = 0; i < ops.size(); i++) {
			Op op = ops.get(i);
			if (placed[i] || !free(ops, placed, op)) {
				continue;
			}
			String newOwner = owner;
			String newDisplay = display;
			boolean known = op.outcome() != Op.Outcome.UNKNOWN;
			if (op.kind() == Op.Kind.CLAIM && op.outcome() == Op.Outcome.FAIL) {
				if (owner == null) {
					continue;
				}
			}
			else if (op.kind() == Op.Kind.CLAIM) {
				if (owner == null) {
					newOwner = accounts.of(op);
				}
				else if (known) {
					continue;
				}
			}
			else if (op.kind() == Op.Kind.EDIT) {
				if (op.accountId().equals(owner)) {
					newDisplay = op.value();
				}
				else if (known) {
					continue;
				}
			}
			else if (!Objects.equals(op.accountId(), owner)
					|| (owner != null && !Objects.equals(op.value(), display))) {
				continue;
			}
			placed[i] = true;
			boolean found = extend(ops, placed, count + 1, newOwner, newDisplay, accounts);
			placed[i] = false;
			if (found) {
				return true;
			}
		}
		return false;
	}

	/** Every operation real time puts before this one is placed. */
	private static boolean free(List<Op> ops, boolean[] placed, Op op) {
		for (int i = 0; i < ops.size(); i++) {
			if (!placed[i] && ops.get(i).precedes(op)) {
				return false;
			}
		}
		return true;
	}

	private void overlappingEditsThenAGhost() {
		this.h.during(0, 10).claimed(NAME, "a1");
		for (int client = 1; client <= 10; client++) {
			this.h.during(20, 100).client(client).edited(NAME, "a1", "v" + client);
		}
		this.h.during(200, 210).client(11).read(NAME, "a1", "ghost");
	}

	private Linearizability.Result search() {
		return search(CheckerHistory.nodes().build());
	}

	private Linearizability.Result search(FinalState finalState) {
		return Linearizability.search(ops(finalState));
	}

	private List<AccountOp> ops(FinalState finalState) {
		List<KeyOps> keys = KeyOps.of(this.h.history());
		assertThat(keys).hasSize(1);
		return AccountOps.of(keys.get(0), new ClaimedAccounts(finalState));
	}

	private static FinalState holding(String id, Op claim) {
		return CheckerHistory.nodes().everywhere((node) -> node.holds(id, claim)).build();
	}

}
