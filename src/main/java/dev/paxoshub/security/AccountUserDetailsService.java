package dev.paxoshub.security;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusUnavailableException;
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

	private final Consensus consensus;

	AccountUserDetailsService(AccountStore store, NodeIdentity node, Consensus consensus) {
		this.store = store;
		this.node = node;
		this.consensus = consensus;
	}

	/** With consensus, a node that has not applied the account yet asks the cluster first. */
	private void refresh(String username) {
		try {
			this.consensus.refresh(username);
		}
		catch (ConsensusUnavailableException ex) {
			// Cut off from the majority: whatever this node holds is all it can check against.
		}
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		refresh(username);
		return this.store.find(username, this.node.name())
			.map((account) -> User.withUsername(account.getUsername())
				.password(account.getPasswordHash())
				.roles("USER")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(username + " is unknown on " + this.node.displayName()));
	}

}
