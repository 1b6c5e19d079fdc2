package dev.paxoshub.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paxoshub.store.Account;
import dev.paxoshub.store.AccountStore;
import dev.paxoshub.store.AccountVersion;

import org.springframework.stereotype.Component;

/**
 * Keeps this node's database a projection of what was committed elsewhere: a copy from a
 * peer (consensus OFF) or from the Raft log (consensus ON) is stored if it is newer than
 * what the node holds.
 */
@Component
public class Projection {

	private final AccountStore store;

	Projection(AccountStore store) {
		this.store = store;
	}

	/**
	 * @return whether the copy was stored
	 */
	public boolean apply(Account incoming) {
		return !applyAll(List.of(incoming)).isEmpty();
	}

	/**
	 * Stores what the Raft group agreed: every copy that is newer than this node's, and
	 * each one as the account its name stands for, any other copy of that name here being
	 * kept aside as released.
	 */
	public void applyAgreed(Collection<Account> agreed) {
		applyAll(agreed);
		settle(agreed);
	}

	/**
	 * Marks each account as the one its name stands for, without storing anything else.
	 */
	public void settle(Collection<Account> agreed) {
		Map<String, String> names = new LinkedHashMap<>();
		agreed.forEach((account) -> names.put(account.getUsernameKey(), account.getId()));
		this.store.settleNames(names);
	}

	/**
	 * Stores every copy that is newer than this node's, in one transaction; when one
	 * account comes several times, its newest copy counts.
	 * @return the copies that were stored
	 */
	public synchronized List<Account> applyAll(Collection<Account> incoming) {
		Map<String, Account> newest = new LinkedHashMap<>();
		for (Account account : incoming) {
			newest.merge(account.getId(), account,
					(held, other) -> AccountVersion.of(other).supersedes(AccountVersion.of(held)) ? other : held);
		}
		Map<String, AccountVersion> local = this.store.versions(newest.keySet());
		List<Account> inserts = new ArrayList<>();
		List<Account> updates = new ArrayList<>();
		for (Account account : newest.values()) {
			AccountVersion mine = local.get(account.getId());
			if (AccountVersion.of(account).supersedes(mine)) {
				(mine == null ? inserts : updates).add(account);
			}
		}
		this.store.store(inserts, updates);
		List<Account> stored = new ArrayList<>(inserts);
		stored.addAll(updates);
		return stored;
	}

}
