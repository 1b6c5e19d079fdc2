package dev.paxoshub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * This node's own database of accounts. It holds whatever the node has accepted or
 * learned from its peers, duplicates included; deciding what may be written is not its
 * job.
 */
@Component
public class AccountStore {

	private final AccountRepository accounts;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	AccountStore(AccountRepository accounts, JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Every record this node holds under the name, oldest first. */
	public List<Account> copiesOf(String username) {
		return this.accounts.findByUsernameKeyOrderByCreatedAtAsc(Account.keyOf(username));
	}

	/**
	 * The record this node shows for a name. Once consensus has agreed which account the
	 * name stands for, that one, whatever other copies the node still holds from a split
	 * brain. Otherwise, with several copies, a node favours the one it created itself,
	 * then the oldest, which is how different nodes come to show different profiles for
	 * the same name; a copy that reconciliation kept aside comes last, as it lost the
	 * name.
	 */
	public Optional<Account> find(String username, String preferredOrigin, Optional<String> agreedId) {
		if (agreedId.isPresent()) {
			Optional<Account> agreed = byId(agreedId.get());
			if (agreed.isPresent()) {
				return agreed;
			}
		}
		Set<String> released = releasedCopiesOf(username);
		return copiesOf(username).stream()
			.min(Comparator.comparing((Account a) -> released.contains(a.getId()))
				.thenComparing((Account a) -> !a.getOriginNode().equals(preferredOrigin))
				.thenComparing(Account::getCreatedAt));
	}

	/** The copies of a name that reconciliation kept aside, by id. */
	private Set<String> releasedCopiesOf(String username) {
		return Set.copyOf(this.jdbc.sql("SELECT id FROM account WHERE username_key = ? AND released")
			.param(Account.keyOf(username))
			.query(String.class)
			.list());
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
		store(List.of(account), List.of());
	}

	@Transactional
	public void update(Account account) {
		store(List.of(), List.of(account));
	}

	/**
	 * Stores new accounts and changed ones in one transaction, whole aggregates
	 * (repositories and avatar replaced) as plain JDBC batches: projections write
	 * thousands of accounts a second, and Spring Data's per-aggregate mapping cost more
	 * than the database itself (profiled with JFR in the claim benchmark). A single
	 * account is stored the same way.
	 */
	@Transactional
	public void store(Collection<Account> inserts, Collection<Account> updates) {
		if (!updates.isEmpty()) {
			this.jdbcTemplate.batchUpdate("""
					UPDATE account SET username = ?, username_key = ?, email = ?, password_hash = ?, display_name = ?,
					       bio = ?, origin_node = ?, created_at = ?, updated_at = ?, revision = ?, last_writer = ?,
					       sign_in_version = ?, lineage = ?
					WHERE id = ?""",
					rows(updates,
							(a) -> new Object[] { a.getUsername(), a.getUsernameKey(), a.getEmail(),
									a.getPasswordHash(), a.getDisplayName(), a.getBio(), a.getOriginNode(),
									a.getCreatedAt(), a.getUpdatedAt(), a.getRevision(), a.getLastWriter(),
									a.getSignInVersion(), String.join(" ", a.getLineage()), a.getId() }));
			List<Object[]> ids = rows(updates, (a) -> new Object[] { a.getId() });
			this.jdbcTemplate.batchUpdate("DELETE FROM repo WHERE account_id = ?", ids);
			this.jdbcTemplate.batchUpdate("DELETE FROM avatar WHERE account_id = ?", ids);
		}
		if (!inserts.isEmpty()) {
			this.jdbcTemplate.batchUpdate("""
					INSERT INTO account (id, username, username_key, email, password_hash, display_name, bio,
					                     origin_node, created_at, updated_at, revision, last_writer, sign_in_version,
					                     lineage)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
					rows(inserts,
							(a) -> new Object[] { a.getId(), a.getUsername(), a.getUsernameKey(), a.getEmail(),
									a.getPasswordHash(), a.getDisplayName(), a.getBio(), a.getOriginNode(),
									a.getCreatedAt(), a.getUpdatedAt(), a.getRevision(), a.getLastWriter(),
									a.getSignInVersion(), String.join(" ", a.getLineage()) }));
		}
		List<Object[]> repos = new ArrayList<>();
		List<Object[]> avatars = new ArrayList<>();
		for (Collection<Account> accounts : List.of(updates, inserts)) {
			for (Account a : accounts) {
				a.getRepos()
					.forEach((r) -> repos.add(new Object[] { a.getId(), r.getName(), r.getDescription(), r.getReadme(),
							r.getCreatedAt(), r.getUpdatedAt() }));
				if (a.getAvatar() != null) {
					avatars.add(new Object[] { a.getId(), a.getAvatar().contentType(), a.getAvatar().bytes() });
				}
			}
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO repo (account_id, name, description, readme, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)""", repos);
		this.jdbcTemplate.batchUpdate("INSERT INTO avatar (account_id, content_type, bytes) VALUES (?, ?, ?)", avatars);
	}

	private static List<Object[]> rows(Collection<Account> accounts, Function<Account, Object[]> row) {
		return accounts.stream().map(row).toList();
	}

	/** How far each account has got here, without loading repositories and avatars. */
	public Map<String, AccountVersion> versions() {
		return this.jdbc.sql("SELECT id, revision, updated_at, last_writer FROM account")
			.query(AccountStore::version)
			.list()
			.stream()
			.collect(Collectors.toMap(AccountVersion::id, Function.identity()));
	}

	/**
	 * The same for the given accounts only; those this node does not hold are missing
	 * from the map.
	 */
	public Map<String, AccountVersion> versions(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT id, revision, updated_at, last_writer FROM account WHERE id IN (:ids)")
			.param("ids", ids)
			.query(AccountStore::version)
			.list()
			.stream()
			.collect(Collectors.toMap(AccountVersion::id, Function.identity()));
	}

	private static AccountVersion version(ResultSet row, int number) throws SQLException {
		return new AccountVersion(row.getString("id"), row.getLong("revision"),
				row.getObject("updated_at", Instant.class), row.getString("last_writer"));
	}

	/**
	 * Columns read by name: a mapper that guesses (originNode, then origin_node) makes H2
	 * log an error per miss.
	 */
	private static AccountRecord record(ResultSet row, int number) throws SQLException {
		return new AccountRecord(row.getString("id"), row.getString("username"), row.getString("email"),
				row.getString("origin_node"), row.getObject("created_at", Instant.class),
				row.getObject("updated_at", Instant.class), row.getLong("revision"), row.getString("last_writer"),
				row.getInt("repo_count"), lineage(row), row.getBoolean("released"));
	}

	private static List<String> lineage(ResultSet row) throws SQLException {
		String lineage = row.getString("lineage");
		return (lineage == null || lineage.isBlank()) ? List.of() : List.of(lineage.trim().split(" "));
	}

	/**
	 * Settles who a name stands for: each given account keeps its name, and every other
	 * copy of that name on this node is kept aside as released (or taken back, should a
	 * released copy be the one agreed on after all).
	 * @param agreed account ids by username key
	 */
	public void settleNames(Map<String, String> agreed) {
		this.jdbcTemplate.batchUpdate("UPDATE account SET released = (id <> ?) WHERE username_key = ?",
				agreed.entrySet().stream().map((entry) -> new Object[] { entry.getValue(), entry.getKey() }).toList());
	}

	public List<AccountRecord> records() {
		return this.jdbc
			.sql("""
					SELECT a.id, a.username, a.email, a.origin_node, a.created_at, a.updated_at, a.revision,
					       a.last_writer, a.lineage, a.released, (SELECT COUNT(*) FROM repo r WHERE r.account_id = a.id) AS repo_count
					FROM account a ORDER BY a.username_key, a.created_at
					""")
			.query(AccountStore::record)
			.list();
	}

}
