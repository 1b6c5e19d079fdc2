package dev.paxoshub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.stereotype.Component;

/** Signs a person in right after they created their account, as a sign-in form would. */
@Component
public class SignIn {

	private final UserDetailsService users;

	private final TokenBasedRememberMeServices signInCookie;

	SignIn(UserDetailsService users, TokenBasedRememberMeServices signInCookie) {
		this.users = users;
		this.signInCookie = signInCookie;
	}

	public void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
		UserDetails user = this.users.loadUserByUsername(username);
		this.signInCookie.loginSuccess(request, response,
				UsernamePasswordAuthenticationToken.authenticated(user, user.getPassword(), user.getAuthorities()));
	}

}
