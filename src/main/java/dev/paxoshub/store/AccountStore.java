package dev.paxoshub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * This node's own database of accounts. It holds whatever the node has accepted or learned
 * from its peers, duplicates included; deciding what may be written is not its job.
 */
@Component
public class AccountStore {

	private final AccountRepository accounts;

	private final JdbcAggregateTemplate aggregates;

	private final JdbcClient jdbc;

	AccountStore(AccountRepository accounts, JdbcAggregateTemplate aggregates, JdbcClient jdbc) {
		this.accounts = accounts;
		this.aggregates = aggregates;
		this.jdbc = jdbc;
	}

	/** Every record this node holds under the name, oldest first. */
	public List<Account> copiesOf(String username) {
		return this.accounts.findByUsernameKeyOrderByCreatedAtAsc(Account.keyOf(username));
	}

	/**
	 * The record this node shows for a name. Once consensus has agreed which account the name
	 * stands for, that one, whatever other copies the node still holds from a split brain.
	 * Otherwise, with several copies, a node favours the one it created itself, then the oldest,
	 * which is how different nodes come to show different profiles for the same name.
	 */
	public Optional<Account> find(String username, String preferredOrigin, Optional<String> agreedId) {
		if (agreedId.isPresent()) {
			Optional<Account> agreed = byId(agreedId.get());
			if (agreed.isPresent()) {
				return agreed;
			}
		}
		return copiesOf(username).stream()
			.min(Comparator.comparing((Account a) -> !a.getOriginNode().equals(preferredOrigin))
				.thenComparing(Account::getCreatedAt));
	}

	public Optional<Account> byId(String id) {
		return this.accounts.findById(id);
	}

	public List<Account> all() {
		return this.accounts.findAll();
	}

	public List<Account> newest() {
		return this.accounts.findTop20ByOrderByCreatedAtDesc();
	}

	@Transactional
	public void insert(Account account) {
		this.aggregates.insert(account);
	}

	@Transactional
	public void update(Account account) {
		this.aggregates.update(account);
	}

	/** Columns read by name: a mapper that guesses (originNode, then origin_node) makes H2 log an error per miss. */
	private static AccountRecord record(ResultSet row, int number) throws SQLException {
		return new AccountRecord(row.getString("id"), row.getString("username"), row.getString("email"),
				row.getString("origin_node"), row.getObject("created_at", Instant.class),
				row.getObject("updated_at", Instant.class), row.getLong("revision"), row.getString("last_writer"),
				row.getInt("repo_count"));
	}

	public List<AccountRecord> records() {
		return this.jdbc.sql("""
				SELECT a.id, a.username, a.email, a.origin_node, a.created_at, a.updated_at, a.revision,
				       a.last_writer, (SELECT COUNT(*) FROM repo r WHERE r.account_id = a.id) AS repo_count
				FROM account a ORDER BY a.username_key, a.created_at
				""").query(AccountStore::record).list();
	}

}
