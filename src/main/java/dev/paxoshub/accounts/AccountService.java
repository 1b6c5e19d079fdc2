package dev.paxoshub.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.UsernameTakenException;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.AccountStore;
import dev.paxoshub.store.Avatar;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Account use cases as this node sees them: reads come from the node's own store, every
 * write goes through {@link Consensus}, whichever mode it is in.
 */
@Service
public class AccountService {

	private final AccountStore store;

	private final Consensus consensus;

	private final NodeIdentity node;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final String operator;

	private final ApplicationEventPublisher events;

	AccountService(AccountStore store, Consensus consensus, NodeIdentity node, PasswordEncoder passwords, Clock clock,
			PaxoshubProperties properties, ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.consensus = consensus;
		this.node = node;
		this.passwords = passwords;
		this.clock = clock;
		this.operator = properties.admin().username();
	}

	/**
	 * @throws dev.paxoshub.consensus.UsernameTakenException when the name is already
	 * claimed, or is the operator's, who signs in with the same form
	 */
	public Account signUp(SignupForm form) {
		if (Account.keyOf(form.getUsername()).equals(Account.keyOf(this.operator))) {
			throw new UsernameTakenException(form.getUsername());
		}
		Account account = Account.create(form.getUsername(), form.getEmail(), this.passwords.encode(form.getPassword()),
				this.node.name(), this.clock.instant());
		this.consensus.register(account);
		written(account);
		return account;
	}

	public Optional<Account> find(String username) {
		return this.store.find(username, this.node.name(), this.consensus.resolve(username));
	}

	public Account require(String username) {
		return find(username).orElseThrow(() -> new AccountNotFoundException(username));
	}

	/**
	 * How many distinct accounts this node holds under the name: more than one is a split
	 * brain.
	 */
	public int copies(String username) {
		return this.store.copiesOf(username).size();
	}

	/**
	 * The picture of an account, by id: on a split brain two accounts can share a
	 * username.
	 */
	public Optional<Avatar> avatar(String accountId) {
		return this.store.byId(accountId).map(Account::getAvatar);
	}

	public List<Account> newest() {
		return this.store.newest();
	}

	/**
	 * @param avatar the new picture, or null to keep the current one
	 */
	public Account updateProfile(String username, String displayName, String bio, Avatar avatar) {
		return change(username, (account) -> {
			account.updateProfile(displayName, bio);
			if (avatar != null) {
				account.replaceAvatar(avatar);
			}
		});
	}

	/** Voids every sign-in cookie of the account, on every node that learns of it. */
	public void signOutEverywhere(String username) {
		change(username, Account::signOutEverywhere);
	}

	/**
	 * A new password, which also signs the account out everywhere.
	 * @throws WrongPasswordException when {@code currentPassword} is not the account's
	 * password
	 */
	public Account changePassword(String username, String currentPassword, String newPassword) {
		String newHash = this.passwords.encode(newPassword);
		return change(username, (account) -> {
			if (!this.passwords.matches(currentPassword, account.getPasswordHash())) {
				throw new WrongPasswordException();
			}
			account.changePassword(newHash);
		});
	}

	/**
	 * Applies a change to the account this node shows for the name and commits it.
	 * @throws AccountNotFoundException if this node does not know the name
	 */
	public Account change(String username, Consumer<Account> change) {
		Account account = require(username);
		change.accept(account);
		account.touch(this.node.name(), this.clock.instant());
		this.consensus.update(account);
		written(account);
		return account;
	}

	private void written(Account account) {
		this.events.publishEvent(new AccountWritten(account.getId(), account.getUsername(), account.stamp()));
	}

}
