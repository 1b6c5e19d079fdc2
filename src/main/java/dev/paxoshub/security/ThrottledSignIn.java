package dev.paxoshub.security;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check, from the sign-in form and from HTTP Basic on the API alike,
 * passes the throttle first; a wrong password or an unknown name counts against both the
 * account and the client address.
 */
class ThrottledSignIn implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		String address = (attempt.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
		Duration wait = this.throttle.waitFor(username, address);
		if (!wait.isZero()) {
			throw new SignInThrottledException(wait);
		}
		try {
			return this.passwords.authenticate(attempt);
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(username, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

}
