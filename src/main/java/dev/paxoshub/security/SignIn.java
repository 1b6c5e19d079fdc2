package dev.paxoshub.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Signs a person in without a sign-in form (after sign-up, after a new password), and
 * tells who is signed in.
 */
@Component
public class SignIn {

	/**
	 * Set on the request when this browser was signed out but the account could not be.
	 */
	public static final String SIGNED_OUT_HERE_ONLY = SignIn.class.getName() + ".signedOutHereOnly";

	private final UserDetailsService users;

	private final SignInCookie signInCookie;

	SignIn(UserDetailsService users, SignInCookie signInCookie) {
		this.users = users;
		this.signInCookie = signInCookie;
	}

	public void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
		UserDetails user = this.users.loadUserByUsername(username);
		this.signInCookie.loginSuccess(request, response,
				UsernamePasswordAuthenticationToken.authenticated(user, user.getPassword(), user.getAuthorities()));
	}

	/**
	 * The account the request's sign-in cookie stands for, if it is valid and stands for
	 * an account (the operator has none). Sign-out runs before the cookie is read for the
	 * request, so this reads it itself.
	 */
	public Optional<String> signedInAccount(HttpServletRequest request, HttpServletResponse response) {
		Authentication signedIn = this.signInCookie.autoLogin(request, response);
		if (signedIn != null && signedIn.getPrincipal() instanceof SignedInUser user && !user.isOperator()) {
			return Optional.of(user.getUsername());
		}
		return Optional.empty();
	}

}
