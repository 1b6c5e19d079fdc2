package dev.paxoshub.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import dev.paxoshub.node.ClusterKey.Purpose;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;

/**
 * The sign-in cookie: username, account id, expiry and sign-in version, with an HMAC
 * under the sign-in key over those and the account's password hash (for the operator, a
 * fingerprint of the operator's password, since each node hashes that one itself). Any
 * node can check it against its own copy of the account, so no node keeps sessions; a
 * node that holds another copy of the name, an older sign-in version (signed out since)
 * or another password hash refuses it.
 */
class SignInCookie extends AbstractRememberMeServices {

	static final Duration ACCOUNT_VALIDITY = Duration.ofDays(14);

	/**
	 * The operator is no account and cannot be signed out everywhere, so its cookie lives
	 * hours, not days.
	 */
	static final Duration OPERATOR_VALIDITY = Duration.ofHours(8);

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final Purpose key;

	private final Clock clock;

	SignInCookie(Purpose key, UserDetailsService users, Clock clock, boolean secure, String cookieName) {
		// The base class wants a key only for the authentication token it makes; the
		// cookie's
		// own signature is made here under the sign-in key.
		super(SignInCookie.class.getName(), users);
		this.key = key;
		this.clock = clock;
		setCookieName(cookieName);
		setAlwaysRemember(true);
		setUseSecureCookie(secure);
		setTokenValiditySeconds((int) ACCOUNT_VALIDITY.toSeconds());
		setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
	}

	@Override
	protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		// Reloaded: the authentication's own copy has had its password hash erased by
		// now.
		UserDetails loaded = getUserDetailsService().loadUserByUsername(authentication.getName());
		if (!(loaded instanceof SignedInUser user)) {
			return;
		}
		Duration validity = user.isOperator() ? OPERATOR_VALIDITY : ACCOUNT_VALIDITY;
		long expires = this.clock.millis() + validity.toMillis();
		String[] tokens = { user.getUsername(), user.accountId(), Long.toString(expires),
				Long.toString(user.signInVersion()), signature(user, expires) };
		setCookie(tokens, (int) validity.toSeconds(), request, response);
	}

	@Override
	protected UserDetails processAutoLoginCookie(String[] tokens, HttpServletRequest request,
			HttpServletResponse response) {
		if (tokens.length != 5) {
			throw new InvalidCookieException("The sign-in cookie is malformed.");
		}
		long expires = parse(tokens[2]);
		long version = parse(tokens[3]);
		if (expires < this.clock.millis()) {
			throw new InvalidCookieException("The sign-in cookie has expired.");
		}
		UserDetails loaded = getUserDetailsService().loadUserByUsername(tokens[0]);
		if (!(loaded instanceof SignedInUser user) || !user.accountId().equals(tokens[1])
				|| user.signInVersion() != version) {
			throw new InvalidCookieException("The sign-in cookie was made for another account, or was signed out.");
		}
		byte[] presented;
		try {
			presented = Base64.getUrlDecoder().decode(tokens[4]);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCookieException("The sign-in cookie is malformed.");
		}
		if (!this.key.verify(message(user, expires), presented)) {
			throw new InvalidCookieException("The sign-in cookie's signature does not match.");
		}
		return user;
	}

	private String signature(SignedInUser user, long expires) {
		return BASE64.encodeToString(this.key.sign(message(user, expires)));
	}

	private static String message(SignedInUser user, long expires) {
		return String.join(":", user.getUsername(), user.accountId(), Long.toString(expires),
				Long.toString(user.signInVersion()), user.cookieSecret());
	}

	private static long parse(String number) {
		try {
			return Long.parseLong(number);
		}
		catch (NumberFormatException ex) {
			throw new InvalidCookieException("The sign-in cookie is malformed.");
		}
	}

}
