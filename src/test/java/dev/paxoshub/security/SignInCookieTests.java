package dev.paxoshub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.paxoshub.node.ClusterKey;
import dev.paxoshub.node.SiteCookies;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in cookie stands for one account, at one sign-in version, with one password,
 * until it expires; any node holding another copy, a later version or a new password
 * refuses it.
 */
class SignInCookieTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final Map<String, SignedInUser> accounts = new HashMap<>();

	private final UserDetailsService users = (name) -> {
		SignedInUser user = this.accounts.get(name);
		if (user == null) {
			throw new UsernameNotFoundException(name);
		}
		return new SignedInUser(user.getUsername(), user.getPassword(), user.accountId(), user.signInVersion(),
				user.cookieSecret(), user.getAuthorities());
	};

	private final ClusterKey.Purpose key = ClusterKey.of("k", "the-sign-in-key-0123456789abcdefghij")
		.forPurpose("sign-in-cookie");

	@Test
	void aCookieSignsItsAccountInOnAnotherRequest() {
		this.accounts.put("oracle", SignedInUser.account("oracle", "$2a$hash", "id-1", 0));
		Cookie cookie = signIn(cookie(NOW), "oracle");
		assertThat(cookie.getMaxAge()).isEqualTo((int) Duration.ofDays(14).toSeconds());
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(autoLogin(cookie(NOW.plusSeconds(60)), cookie)).isNotNull()
			.extracting(Authentication::getName)
			.isEqualTo("oracle");
	}

	@Test
	void aLaterSignInVersionVoidsTheCookie() {
		this.accounts.put("oracle", SignedInUser.account("oracle", "$2a$hash", "id-1", 0));
		Cookie cookie = signIn(cookie(NOW), "oracle");
		this.accounts.put("oracle", SignedInUser.account("oracle", "$2a$hash", "id-1", 1));
		assertThat(autoLogin(cookie(NOW), cookie)).isNull();
	}

	@Test
	void aNewPasswordVoidsTheCookieEvenAtTheSameVersion() {
		this.accounts.put("oracle", SignedInUser.account("oracle", "$2a$hash", "id-1", 0));
		Cookie cookie = signIn(cookie(NOW), "oracle");
		this.accounts.put("oracle", SignedInUser.account("oracle", "$2a$other", "id-1", 0));
		assertThat(autoLogin(cookie(NOW), cookie)).isNull();
	}

	@Test
	void anotherAccountOfTheSameNameDoesNotTakeTheCookie() {
		this.accounts.put("paxosexpert", SignedInUser.account("paxosexpert", "$2a$hash", "morpheus-copy", 0));
		Cookie cookie = signIn(cookie(NOW), "paxosexpert");
		this.accounts.put("paxosexpert", SignedInUser.account("paxosexpert", "$2a$hash", "neo-copy", 0));
		assertThat(autoLogin(cookie(NOW), cookie)).isNull();
	}

	@Test
	void anExpiredOrForgedCookieIsRefused() {
		this.accounts.put("oracle", SignedInUser.account("oracle", "$2a$hash", "id-1", 0));
		Cookie cookie = signIn(cookie(NOW), "oracle");
		assertThat(autoLogin(cookie(NOW.plus(Duration.ofDays(15))), cookie)).isNull();

		SignInCookie otherKey = new SignInCookie(
				ClusterKey.of("k", "another-sign-in-key-0123456789abcdef").forPurpose("sign-in-cookie"), this.users,
				Clock.fixed(NOW, ZoneOffset.UTC), false, SiteCookies.SIGN_IN);
		Cookie forged = signIn(otherKey, "oracle");
		assertThat(autoLogin(cookie(NOW), forged)).isNull();
	}

	@Test
	void theOperatorsCookieLivesHoursNotDays() {
		this.accounts.put("admin", new SignedInUser("admin", "$2a$hash", SignedInUser.OPERATOR_ID, 0, "fingerprint",
				List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
		Cookie cookie = signIn(cookie(NOW), "admin");
		assertThat(cookie.getMaxAge()).isEqualTo((int) Duration.ofHours(8).toSeconds());
		assertThat(autoLogin(cookie(NOW.plus(Duration.ofHours(9))), cookie)).isNull();
	}

	private SignInCookie cookie(Instant now) {
		return new SignInCookie(this.key, this.users, Clock.fixed(now, ZoneOffset.UTC), false, SiteCookies.SIGN_IN);
	}

	private Cookie signIn(SignInCookie cookie, String username) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		UserDetails user = this.users.loadUserByUsername(username);
		cookie.loginSuccess(new MockHttpServletRequest(), response,
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		return response.getCookie(SiteCookies.SIGN_IN);
	}

	private static Authentication autoLogin(SignInCookie cookie, Cookie sent) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setCookies(sent);
		return cookie.autoLogin(request, new MockHttpServletResponse());
	}

}
