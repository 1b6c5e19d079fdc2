package dev.paxoshub.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * Who a sign-in cookie may stand for: a user with the account id and the sign-in version
 * the cookie must name. The id keeps a cookie made for one copy of a split-brain name
 * from opening the other copy; the version is how signing out and a new password void
 * every older cookie.
 */
public final class SignedInUser extends User {

	/**
	 * The operator is no account; this takes the place of an account id in its cookies.
	 */
	static final String OPERATOR_ID = "operator";

	private final String accountId;

	private final long signInVersion;

	private final String cookieSecret;

	private static final List<SimpleGrantedAuthority> USER = List.of(new SimpleGrantedAuthority("ROLE_USER"));

	/**
	 * @param cookieSecret what a sign-in cookie is bound to besides the version, so that
	 * a new password voids it: an account's password hash, the same on every node
	 */
	SignedInUser(String username, String passwordHash, String accountId, long signInVersion, String cookieSecret,
			Collection<? extends GrantedAuthority> authorities) {
		super(username, passwordHash, authorities);
		this.accountId = accountId;
		this.signInVersion = signInVersion;
		this.cookieSecret = cookieSecret;
	}

	/** Someone signed in to an account (role USER). */
	public static SignedInUser account(String username, String passwordHash, String accountId, long signInVersion) {
		return new SignedInUser(username, passwordHash, accountId, signInVersion, passwordHash, USER);
	}

	String accountId() {
		return this.accountId;
	}

	long signInVersion() {
		return this.signInVersion;
	}

	String cookieSecret() {
		return this.cookieSecret;
	}

	boolean isOperator() {
		return OPERATOR_ID.equals(this.accountId);
	}

}
