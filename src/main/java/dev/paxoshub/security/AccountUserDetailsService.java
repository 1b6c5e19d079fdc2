package dev.paxoshub.security;

import java.util.Optional;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusUnavailableException;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.store.AccountStore;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks a user up in this node's own store, or recognises the operator. A node that has
 * not heard of an account cannot sign its owner in, nor accept their sign-in cookie: that
 * is the story's "who are you?" moment.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountStore store;

	private final NodeIdentity node;

	private final Consensus consensus;

	private final Operator operator;

	AccountUserDetailsService(AccountStore store, NodeIdentity node, Consensus consensus, Operator operator) {
		this.store = store;
		this.node = node;
		this.consensus = consensus;
		this.operator = operator;
	}

	/**
	 * With consensus, the account the cluster agreed on; the node may not have applied it
	 * yet.
	 */
	private Optional<String> agreed(String username) {
		try {
			return this.consensus.resolve(username);
		}
		catch (ConsensusUnavailableException ex) {
			// Cut off from the majority: whatever this node holds is all it can check
			// against.
			return Optional.empty();
		}
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (this.operator.is(username)) {
			return this.operator.user();
		}
		return this.store.find(username, this.node.name(), agreed(username))
			.map((account) -> SignedInUser.account(account.getUsername(), account.getPasswordHash(), account.getId(),
					account.getSignInVersion()))
			.orElseThrow(() -> new UsernameNotFoundException(username + " is unknown on " + this.node.displayName()));
	}

}
