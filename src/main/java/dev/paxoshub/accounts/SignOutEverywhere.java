package dev.paxoshub.accounts;

import dev.paxoshub.consensus.ConcurrentChangeException;
import dev.paxoshub.consensus.ConsensusUnavailableException;
import dev.paxoshub.security.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Signing out signs the account out everywhere: its sign-in version moves on, through
 * consensus like any change, so every copy of every cookie it had stops working on every
 * node. When the change cannot be made (no majority), this browser is still signed out
 * and is told the rest.
 */
@Component
class SignOutEverywhere implements LogoutHandler {

	private final SignIn signIn;

	private final AccountService accounts;

	SignOutEverywhere(SignIn signIn, AccountService accounts) {
		this.signIn = signIn;
		this.accounts = accounts;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication ignored) {
		this.signIn.signedInAccount(request, response).ifPresent((username) -> {
			try {
				this.accounts.signOutEverywhere(username);
			}
			catch (ConsensusUnavailableException | ConcurrentChangeException ex) {
				request.setAttribute(SignIn.SIGNED_OUT_HERE_ONLY, Boolean.TRUE);
			}
		});
	}

}
