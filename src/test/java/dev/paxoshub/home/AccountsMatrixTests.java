package dev.paxoshub.home;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts matrix tells a name split between two live accounts from one settled. */
class AccountsMatrixTests {

	@Test
	void oneNameHeldLiveByTwoAccountsIsADuplicate() {
		AccountsMatrix matrix = AccountsMatrix.of(cluster(node("morpheus", row("a-1", "Oracle", false)),
				node("neo", row("b-2", "oracle", false)), node("trinity")));

		AccountsMatrix.Row oracle = matrix.rows().get(0);
		assertThat(oracle.username()).isEqualTo("oracle");
		assertThat(oracle.duplicate()).isTrue();
		assertThat(oracle.reconciled()).isFalse();
		assertThat(oracle.cells().get(0)).singleElement().satisfies((copy) -> {
			assertThat(copy.duplicate()).isTrue();
			assertThat(copy.origin()).isEqualTo("Morpheus");
		});
		assertThat(oracle.cells().get(2)).isEmpty();
	}

	@Test
	void aCopyThatLostItsNameIsReconciledNotADuplicate() {
		AccountsMatrix matrix = AccountsMatrix.of(cluster(node("morpheus", row("a-1", "oracle", false)),
				node("neo", row("a-1", "oracle", false), row("b-2", "oracle", true)),
				node("trinity", row("a-1", "oracle", false))));

		AccountsMatrix.Row oracle = matrix.rows().get(0);
		assertThat(oracle.duplicate()).isFalse();
		assertThat(oracle.reconciled()).isTrue();
		assertThat(oracle.cells().get(1)).extracting(AccountsMatrix.Copy::released).containsExactly(false, true);
		assertThat(oracle.cells().get(1)).noneMatch(AccountsMatrix.Copy::duplicate);
	}

	private static ClusterSnapshot cluster(NodeSnapshot... nodes) {
		return new ClusterSnapshot("off", URI.create("http://127.0.0.1:1"), "OFF", Instant.EPOCH, List.of(nodes));
	}

	private static NodeSnapshot node(String name, NodeSnapshot.AccountRow... rows) {
		String display = Character.toUpperCase(name.charAt(0)) + name.substring(1);
		return new NodeSnapshot(name, display, "#000000", URI.create("http://127.0.0.1:2"), true, true, List.of(),
				false, false, "OFF", null, null, null, null, null, true, 0, List.of(rows));
	}

	private static NodeSnapshot.AccountRow row(String id, String username, boolean released) {
		return new NodeSnapshot.AccountRow(id, username, "morpheus", 1, released, List.of("v1"));
	}

}
