package dev.paxoshub.consensus.raft;

import java.time.Instant;

import dev.paxoshub.consensus.AccountCodec;
import dev.paxoshub.store.Account;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciling never lets a copy stand in for an agreed account unless it is that very
 * account: the same id is not enough when the name, creation time or origin differ.
 */
class SameAccountTests {

	private static final Instant CREATED = Instant.parse("2026-03-03T10:15:30Z");

	private final AccountCodec codec = new AccountCodec();

	@Test
	void aLaterRevisionOfTheAgreedAccountIsTheSameAccount() {
		Account agreed = Account.create("paxosexpert", "p@example.org", "$2a$hash", "morpheus", CREATED);
		Account edited = this.codec.read(this.codec.write(agreed));
		edited.updateProfile("Paxos Expert", "I agree.");
		edited.touch("neo", CREATED.plusSeconds(60));
		assertThat(RaftReconciliation.sameAccount(agreed, edited)).isTrue();
	}

	@Test
	void aCopyWithTheAgreedIdButAnotherCreationIsSomeOtherRecord() {
		Account agreed = Account.create("paxosexpert", "p@example.org", "$2a$hash", "morpheus", CREATED);
		String json = this.codec.write(agreed);
		assertThat(RaftReconciliation.sameAccount(agreed,
				this.codec.read(json.replace(CREATED.toString(), CREATED.minusSeconds(3600).toString()))))
			.isFalse();
		assertThat(RaftReconciliation.sameAccount(agreed, this.codec.read(json.replace("\"morpheus\"", "\"trinity\""))))
			.isFalse();
		Account otherName = Account.create("mallory", "m@example.org", "$2a$hash", "morpheus", CREATED);
		assertThat(RaftReconciliation.sameAccount(agreed, otherName)).isFalse();
	}

}
