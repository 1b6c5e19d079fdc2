package dev.paxoshub.accounts;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.node.TimeText;
import dev.paxoshub.store.Account;

/** An account as its profile page shows it. */
public record AccountView(String id, String username, String displayName, String bio, String avatarUrl,
		String originNode, String createdAtText) {

	public static AccountView of(Account account) {
		String avatarUrl = (account.getAvatar() != null)
				? AvatarController.PATH.replace("{id}", account.getId()) + "?v=" + account.getRevision() : null;
		return new AccountView(account.getId(), account.getUsername(), account.getDisplayName(), account.getBio(),
				avatarUrl, NodeAddress.displayName(account.getOriginNode()), TimeText.of(account.getCreatedAt()));
	}

}
