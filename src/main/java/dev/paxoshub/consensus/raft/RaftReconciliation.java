package dev.paxoshub.consensus.raft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.paxoshub.node.TimeText;
import dev.paxoshub.consensus.AccountCodec;
import dev.paxoshub.store.AccountVersion;
import dev.paxoshub.consensus.ConsensusUnavailableException;
import dev.paxoshub.consensus.PeerReplicas;
import dev.paxoshub.consensus.Projection;
import dev.paxoshub.consensus.Reconciliation;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.AccountStore;
import io.atomix.core.map.AsyncAtomicMap;
import io.atomix.utils.time.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Consensus comes back on after a split brain: gathers every account every reachable node
 * holds, and claims them through Raft oldest first (creation time, then origin node), so
 * which account keeps a name depends on nothing else: not on who asked, nor on the order
 * the nodes answer, nor on revision numbers. A copy whose name was already claimed by
 * another account loses the name; it stays in the databases and is listed as a conflict.
 * Only the operator can start this (it runs when consensus is switched on), and while
 * consensus is on no node takes a replica push, so every copy gathered here was written
 * by a node of the cluster.
 */
@Component
@ConditionalOnProperty(name = "paxoshub.raft.enabled", havingValue = "true", matchIfMissing = true)
class RaftReconciliation implements Reconciliation {

	private static final Logger log = LoggerFactory.getLogger(RaftReconciliation.class);

	private final RaftMember member;

	private final AccountStore store;

	private final AccountCodec codec;

	private final Projection projection;

	private final NodeIdentity node;

	private final PeerReplicas replicas;

	private final RaftCalls calls;

	private final Duration timeout;

	RaftReconciliation(RaftMember member, RaftCalls calls, AccountStore store, AccountCodec codec,
			Projection projection, NodeIdentity node, PeerReplicas replicas, RaftSettings settings) {
		this.member = member;
		this.calls = calls;
		this.store = store;
		this.codec = codec;
		this.projection = projection;
		this.node = node;
		this.replicas = replicas;
		this.timeout = settings.operationTimeout();
	}

	@Override
	public synchronized List<String> reconcile() {
		RaftSession session = this.member.session();
		if (session == null || !this.member.seesMajority()) {
			throw ConsensusUnavailableException.noMajority(this.node.displayName());
		}
		List<Account> everyCopy = new ArrayList<>(gather().values());
		everyCopy.sort(Comparator.comparing(Account::getCreatedAt).thenComparing(Account::getOriginNode));
		for (Account account : everyCopy) {
			claim(session, account);
		}
		return conflicts();
	}

	private void claim(RaftSession session, Account account) {
		AsyncAtomicMap<String, String> accounts = session.accounts();
		String key = account.getUsernameKey();
		String body = this.codec.write(account);
		Versioned<String> existing = await(() -> accounts.putIfAbsent(key, body));
		if (existing == null) {
			return;
		}
		Account winner = this.codec.read(existing.value());
		if (winner.getId().equals(account.getId())) {
			if (!sameAccount(winner, account)) {
				log.warn("Reconciliation ignored a copy of {} (id {}) whose creation differs from the agreed account's",
						account.getUsername(), account.getId());
			}
			else if (AccountVersion.of(account).supersedes(AccountVersion.of(winner))) {
				// Changes made to this very account while consensus was off, replicated
				// between nodes
				// that hold the cluster key: they were acknowledged, so they are kept.
				await(() -> accounts.replace(key, existing.version(), body));
			}
			return;
		}
		this.projection.apply(winner);
		String conflict = account.getUsername() + ": " + NodeAddress.displayName(account.getOriginNode())
				+ "'s copy lost to the copy created on " + NodeAddress.displayName(winner.getOriginNode()) + " at "
				+ TimeText.of(winner.getCreatedAt()) + ". The losing copy (id " + account.getId()
				+ ") is kept, without its name.";
		AsyncAtomicMap<String, String> conflicts = session.conflicts();
		if (await(() -> conflicts.putIfAbsent(account.getId(), conflict)) == null) {
			log.info("Reconciliation: {}", conflict);
		}
	}

	/**
	 * Whether two copies are the same account: an id, a name, a creation time and an
	 * origin are fixed when an account is made, so a copy that differs in any of them is
	 * some other record and may never take the agreed account's place.
	 */
	static boolean sameAccount(Account agreed, Account copy) {
		return agreed.getId().equals(copy.getId()) && agreed.getUsernameKey().equals(copy.getUsernameKey())
				&& agreed.getCreatedAt().equals(copy.getCreatedAt())
				&& agreed.getOriginNode().equals(copy.getOriginNode());
	}

	@Override
	public List<String> conflicts() {
		RaftSession session = this.member.session();
		if (session == null) {
			return List.of();
		}
		try {
			List<String> all = new ArrayList<>();
			session.conflicts().sync(this.timeout).values().forEach((conflict) -> all.add(conflict.value()));
			all.sort(Comparator.naturalOrder());
			return all;
		}
		catch (RuntimeException ex) {
			log.debug("Conflicts unreadable now: {}", ex.toString());
			return List.of();
		}
	}

	/**
	 * Every account any reachable node holds, newest revision kept per account; copies
	 * that share an id but not the account's creation are kept apart, so one can never
	 * stand in for the other.
	 */
	private Map<String, Account> gather() {
		Map<String, Account> copies = new HashMap<>();
		this.store.all().forEach((account) -> keepNewest(copies, account));
		for (NodeAddress peer : this.node.peers()) {
			try {
				for (AccountVersion version : this.replicas.digest(peer)) {
					this.replicas.fetch(peer, version.id()).ifPresent((account) -> keepNewest(copies, account));
				}
			}
			catch (RuntimeException ex) {
				log.warn("Reconciliation could not read {}'s accounts: {}", peer.displayName(), ex.toString());
			}
		}
		return copies;
	}

	private static void keepNewest(Map<String, Account> copies, Account account) {
		String identity = String.join("|", account.getId(), account.getUsernameKey(), account.getCreatedAt().toString(),
				account.getOriginNode());
		copies.merge(identity, account, (a, b) -> AccountVersion.of(b).supersedes(AccountVersion.of(a)) ? b : a);
	}

	private <T> T await(Supplier<CompletableFuture<T>> operation) {
		try {
			return this.calls.await(operation);
		}
		catch (TimeoutException ex) {
			throw ConsensusUnavailableException.outcomeUnknown(this.node.displayName());
		}
	}

}
