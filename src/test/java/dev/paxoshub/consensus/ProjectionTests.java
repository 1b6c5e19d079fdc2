package dev.paxoshub.consensus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.paxoshub.store.Account;
import dev.paxoshub.store.AccountStore;
import dev.paxoshub.store.Avatar;
import dev.paxoshub.store.Repo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The projection against a real H2 database with the node's schema: what a replica or a
 * Raft commit brings is stored whole (repositories and avatar included) only when it is
 * newer.
 */
@SpringBootTest(classes = ProjectionTests.Database.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.url=jdbc:h2:mem:projection-tests;DB_CLOSE_DELAY=-1",
				"spring.sql.init.mode=always" })
class ProjectionTests {

	private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	@Autowired
	private Projection projection;

	@Autowired
	private AccountStore store;

	@Test
	void storesNewAccountsWholeInOneBatch() {
		Account alice = account("alice-batch", "morpheus");
		alice.addRepo(new Repo("notes", "my notes", "# Notes", T0));
		alice.replaceAvatar(new Avatar("image/png", new byte[] { 1, 2, 3 }));
		Account bob = account("bob-batch", "neo");

		List<Account> stored = this.projection.applyAll(List.of(alice, bob));

		assertThat(stored).extracting(Account::getId).containsExactlyInAnyOrder(alice.getId(), bob.getId());
		Account read = this.store.byId(alice.getId()).orElseThrow();
		assertThat(read.getUsername()).isEqualTo("alice-batch");
		assertThat(read.getCreatedAt()).isEqualTo(T0);
		assertThat(read.repo("notes")).hasValueSatisfying((repo) -> assertThat(repo.getReadme()).isEqualTo("# Notes"));
		assertThat(read.getAvatar().bytes()).containsExactly(1, 2, 3);
		assertThat(this.store.versions(List.of(alice.getId(), bob.getId()))).containsOnlyKeys(alice.getId(),
				bob.getId());
	}

	@Test
	void aNewerCopyReplacesRepositoriesAndAvatarAnOlderOneChangesNothing() {
		Account original = account("carol-versions", "trinity");
		original.addRepo(new Repo("old", null, null, T0));
		original.replaceAvatar(new Avatar("image/png", new byte[] { 9 }));
		this.projection.apply(original);

		Account edited = copyOf(original);
		edited.getRepos().clear();
		edited.addRepo(new Repo("new", "fresh", null, T0.plusSeconds(5)));
		edited.replaceAvatar(null);
		edited.updateProfile("Carol", "edited on Neo");
		edited.touch("neo", T0.plusSeconds(5));

		assertThat(this.projection.apply(edited)).isTrue();
		assertThat(this.projection.apply(original)).as("an older copy arriving late").isFalse();

		Account read = this.store.byId(original.getId()).orElseThrow();
		assertThat(read.getRevision()).isEqualTo(2);
		assertThat(read.getBio()).isEqualTo("edited on Neo");
		assertThat(read.getRepos()).extracting(Repo::getName).containsExactly("new");
		assertThat(read.getAvatar()).isNull();
	}

	@Test
	void ofSeveralCopiesOfOneAccountInABatchTheNewestIsStored() {
		Account first = account("dave-twice", "morpheus");
		Account second = copyOf(first);
		second.updateProfile("Dave", "second");
		second.touch("morpheus", T0.plusSeconds(1));

		List<Account> stored = this.projection.applyAll(List.of(second, first));

		assertThat(stored).hasSize(1);
		assertThat(this.store.byId(first.getId()).orElseThrow().getBio()).isEqualTo("second");
	}

	@Test
	void whatRaftAgreedKeepsItsNameAndEveryOtherCopyIsKeptAsideStillThere() {
		Account winner = account("contested", "morpheus");
		Account loser = account("contested", "neo");
		this.projection.applyAll(List.of(winner, loser));

		this.projection.applyAgreed(List.of(winner));

		assertThat(this.store.records()).filteredOn((record) -> record.username().equals("contested"))
			.extracting((record) -> record.id(), (record) -> record.released())
			.containsExactlyInAnyOrder(tuple(winner.getId(), false), tuple(loser.getId(), true));
		// Whichever node asks, even the loser's own, the name stands for the winner.
		assertThat(this.store.find("contested", "neo", Optional.empty())).map(Account::getId).contains(winner.getId());
	}

	@Test
	void aCopyCarriesTheStampsOfItsLatestChangesAcrossTheProjection() {
		Account account = account("stamped", "morpheus");
		String first = account.stamp();
		account.touch("neo", T0.plusSeconds(1));
		this.projection.applyAll(List.of(account));

		assertThat(this.store.records()).filteredOn((record) -> record.username().equals("stamped"))
			.singleElement()
			.satisfies((record) -> assertThat(record.lineage()).containsExactly(first, account.stamp()));
		assertThat(account.stamp()).isEqualTo("2@neo@" + T0.plusSeconds(1).toEpochMilli());
	}

	private static Account account(String username, String node) {
		return Account.create(username, username + "@example.org", "{bcrypt}not-checked-here", node, T0);
	}

	private static Account copyOf(Account account) {
		AccountCodec codec = new AccountCodec();
		return codec.read(codec.write(account));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceInitializationAutoConfiguration.class,
			DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
			JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
			DataJdbcRepositoriesAutoConfiguration.class })
	@EnableJdbcRepositories(basePackageClasses = AccountStore.class)
	@Import({ AccountStore.class, Projection.class })
	static class Database {

	}

}
