package dev.paxoshub.security;

import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.store.AccountStore;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks a user up in this node's own store. A node that has not heard of an account cannot sign
 * its owner in, nor accept their sign-in cookie: that is the story's "who are you?" moment.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountStore store;

	private final NodeIdentity node;

	AccountUserDetailsService(AccountStore store, NodeIdentity node) {
		this.store = store;
		this.node = node;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.store.find(username, this.node.name())
			.map((account) -> User.withUsername(account.getUsername())
				.password(account.getPasswordHash())
				.roles("USER")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(username + " is unknown on " + this.node.displayName()));
	}

}
