package dev.paxoshub.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An account with its profile, avatar and repositories: the unit that nodes store and
 * replicate. The id is global and never reused, so two accounts with the same username
 * are two records, which is exactly how a split brain shows up.
 */
// Upper case because Spring Data quotes explicit names and H2 folds unquoted DDL names to
// upper case.
@Table("ACCOUNT")
public class Account {

	@Id
	private String id;

	private String username;

	private String usernameKey;

	private String email;

	private String passwordHash;

	private String displayName;

	private String bio;

	private String originNode;

	private Instant createdAt;

	private Instant updatedAt;

	/** How many changes back a copy remembers where it came from. */
	static final int LINEAGE = 16;

	/** Bumped by every change; replication keeps the copy with the highest revision. */
	private long revision;

	private String lastWriter;

	/**
	 * The version stamps of the latest changes, oldest first, space-separated: where this
	 * copy came from, so that a write replaced by another branch can be told from one
	 * that was built on.
	 */
	private String lineage;

	/**
	 * Every sign-in cookie names the version it was made for; a newer one voids older
	 * cookies.
	 */
	private long signInVersion;

	@MappedCollection(idColumn = "ACCOUNT_ID")
	private Avatar avatar;

	@MappedCollection(idColumn = "ACCOUNT_ID")
	private Set<Repo> repos = new LinkedHashSet<>();

	protected Account() {
	}

	public static Account create(String username, String email, String passwordHash, String node, Instant now) {
		Account account = new Account();
		account.id = UUID.randomUUID().toString();
		account.username = username;
		account.usernameKey = keyOf(username);
		account.email = email;
		account.passwordHash = passwordHash;
		account.originNode = node;
		account.createdAt = now;
		account.updatedAt = now;
		account.revision = 1;
		account.lastWriter = node;
		account.lineage = account.stamp();
		return account;
	}

	/** Usernames are unique regardless of case, so every lookup goes through this key. */
	public static String keyOf(String username) {
		return username.toLowerCase(Locale.ROOT);
	}

	public void updateProfile(String displayName, String bio) {
		this.displayName = displayName;
		this.bio = bio;
	}

	/**
	 * Voids every sign-in cookie made so far, on every node that learns of this change.
	 */
	public void signOutEverywhere() {
		this.signInVersion++;
	}

	/** A new password also signs the account out everywhere. */
	public void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		signOutEverywhere();
	}

	public void replaceAvatar(Avatar avatar) {
		this.avatar = avatar;
	}

	public void addRepo(Repo repo) {
		this.repos.add(repo);
	}

	/**
	 * Marks a change made on {@code node}; callers invoke it once per committed change.
	 */
	public void touch(String node, Instant now) {
		this.revision++;
		this.updatedAt = now;
		this.lastWriter = node;
		List<String> stamps = new ArrayList<>(getLineage());
		stamps.add(stamp());
		this.lineage = String.join(" ", stamps.subList(Math.max(0, stamps.size() - LINEAGE), stamps.size()));
	}

	/**
	 * This version's stamp: {@code revision@writer@epochMillis}, the same on every node
	 * that holds it.
	 */
	public String stamp() {
		return this.revision + "@" + this.lastWriter + "@" + this.updatedAt.toEpochMilli();
	}

	/** The stamps of the latest changes, oldest first, this version's last. */
	public List<String> getLineage() {
		return (this.lineage == null || this.lineage.isBlank()) ? List.of(stamp())
				: List.of(this.lineage.trim().split(" "));
	}

	public Optional<Repo> repo(String name) {
		return this.repos.stream().filter((r) -> r.getName().equalsIgnoreCase(name)).findFirst();
	}

	public List<Repo> reposNewestFirst() {
		return this.repos.stream().sorted(Comparator.comparing(Repo::getUpdatedAt).reversed()).toList();
	}

	public String getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getUsernameKey() {
		return this.usernameKey;
	}

	public String getEmail() {
		return this.email;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getBio() {
		return this.bio;
	}

	public String getOriginNode() {
		return this.originNode;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getRevision() {
		return this.revision;
	}

	public String getLastWriter() {
		return this.lastWriter;
	}

	public long getSignInVersion() {
		return this.signInVersion;
	}

	public Avatar getAvatar() {
		return this.avatar;
	}

	public Set<Repo> getRepos() {
		return this.repos;
	}

}
