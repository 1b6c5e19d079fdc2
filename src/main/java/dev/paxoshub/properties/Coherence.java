package dev.paxoshub.properties;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Coherence: every node that is up and connected holds the same accounts, the same id at
 * the same version. A node that is down or cut off is not expected to keep up, so it is
 * left out, and the sentence says so.
 */
final class Coherence {

	private final Sightings<HeldVersion> sightings;

	Coherence(Duration settle) {
		this.sightings = new Sightings<>(settle);
	}

	Finding check(NodeIndex nodes, Instant now) {
		List<NodeObservation> compared = nodes.comparable();
		if (compared.size() < 2) {
			this.sightings.see(List.of(), now);
			String who = compared.isEmpty() ? "No node is up and connected"
					: "Only " + Wording.node(compared.get(0).node()) + " is up and connected";
			return Finding.holds(who + ", so coherence holds trivially.");
		}
		List<Map<String, AccountCopy>> accounts = compared.stream().map(nodes::accountsOf).toList();
		List<HeldVersion> breaches = versionsNotHeldEverywhere(accounts);
		this.sightings.see(breaches, now);
		String leftOut = nodes.leftOut("compared");
		String tail = (leftOut != null) ? "; " + leftOut + "." : ".";
		List<HeldVersion> lasting = breaches.stream().filter((breach) -> this.sightings.lasted(breach, now)).toList();
		if (!lasting.isEmpty()) {
			Gap gap = describe(lasting, compared, accounts);
			return Finding.broken(gap.present() + " since " + Wording.time(gap.since()) + tail, gap.past());
		}
		if (!breaches.isEmpty()) {
			return Finding.holds("Settling: " + describe(breaches, compared, accounts).present() + ", for less than "
					+ Wording.duration(this.sightings.settle()) + " so far" + tail);
		}
		int held = accounts.get(0).size();
		String what = (held == 0) ? " hold no account yet"
				: " hold the same " + Wording.count(held, "account", "accounts");
		return Finding.holds(Wording.and(Wording.nodes(compared)) + what + tail);
	}

	void forget() {
		this.sightings.forget();
	}

	/**
	 * Every version of an account that some compared node holds and another does not, one
	 * pass over each node's accounts.
	 */
	private static List<HeldVersion> versionsNotHeldEverywhere(List<Map<String, AccountCopy>> accounts) {
		List<HeldVersion> breaches = new ArrayList<>();
		for (int node = 0; node < accounts.size(); node++) {
			for (String id : accounts.get(node).keySet()) {
				if (heldBefore(id, accounts, node) || heldAlike(id, accounts)) {
					continue;
				}
				accounts.stream()
					.map((held) -> held.get(id))
					.filter(Objects::nonNull)
					.map(NodeIndex::version)
					.distinct()
					.forEach((version) -> breaches.add(new HeldVersion(id, version)));
			}
		}
		return breaches;
	}

	/**
	 * Whether a node earlier in the list holds the account, so it was looked at already.
	 */
	private static boolean heldBefore(String id, List<Map<String, AccountCopy>> accounts, int node) {
		for (int earlier = 0; earlier < node; earlier++) {
			if (accounts.get(earlier).containsKey(id)) {
				return true;
			}
		}
		return false;
	}

	private static boolean heldAlike(String id, List<Map<String, AccountCopy>> accounts) {
		AccountCopy first = accounts.get(0).get(id);
		if (first == null) {
			return false;
		}
		String version = NodeIndex.version(first);
		for (int node = 1; node < accounts.size(); node++) {
			AccountCopy copy = accounts.get(node).get(id);
			if (copy == null || !NodeIndex.version(copy).equals(version)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * One readable difference out of many: the oldest, between the first two nodes it
	 * sets apart, with every other difference between the same two nodes of the same
	 * kind.
	 */
	private Gap describe(List<HeldVersion> breaches, List<NodeObservation> compared,
			List<Map<String, AccountCopy>> accounts) {
		HeldVersion oldest = breaches.stream()
			.min(Comparator.comparing((HeldVersion breach) -> this.sightings.firstSeen(breach))
				.thenComparing(HeldVersion::accountId)
				.thenComparing(HeldVersion::version))
			.orElseThrow();
		int holder = -1;
		int lacking = -1;
		int other = -1;
		for (int i = 0; i < accounts.size(); i++) {
			AccountCopy copy = accounts.get(i).get(oldest.accountId());
			if (copy == null) {
				lacking = (lacking < 0) ? i : lacking;
			}
			else if (NodeIndex.version(copy).equals(oldest.version())) {
				holder = (holder < 0) ? i : holder;
			}
			else {
				other = (other < 0) ? i : other;
			}
		}
		if (lacking >= 0) {
			return lacks(breaches, name(compared, lacking), accounts.get(lacking), name(compared, holder),
					accounts.get(holder));
		}
		int first = Math.min(holder, other);
		int second = Math.max(holder, other);
		return differ(breaches, name(compared, first), accounts.get(first), name(compared, second),
				accounts.get(second));
	}

	private Gap lacks(List<HeldVersion> breaches, String lacking, Map<String, AccountCopy> lackingHolds, String holder,
			Map<String, AccountCopy> holderHolds) {
		Set<String> ids = new HashSet<>();
		List<String> names = new ArrayList<>();
		Instant since = null;
		for (HeldVersion breach : breaches) {
			AccountCopy copy = holderHolds.get(breach.accountId());
			if (lackingHolds.containsKey(breach.accountId()) || copy == null
					|| !NodeIndex.version(copy).equals(breach.version())) {
				continue;
			}
			since = earlier(since, this.sightings.firstSeen(breach));
			if (ids.add(breach.accountId())) {
				names.add(copy.usernameKey());
			}
		}
		String list = Wording.names(names.stream().sorted().toList());
		String count = Wording.count(ids.size(), "account", "accounts");
		return new Gap(lacking + " lacks " + count + " " + holder + " holds (" + list + ")",
				lacking + " lacked " + count + " " + holder + " held (" + list + ")", since);
	}

	private Gap differ(List<HeldVersion> breaches, String first, Map<String, AccountCopy> firstHolds, String second,
			Map<String, AccountCopy> secondHolds) {
		List<String> names = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		Instant since = null;
		for (HeldVersion breach : breaches) {
			AccountCopy one = firstHolds.get(breach.accountId());
			AccountCopy two = secondHolds.get(breach.accountId());
			if (one == null || two == null || NodeIndex.version(one).equals(NodeIndex.version(two))) {
				continue;
			}
			since = earlier(since, this.sightings.firstSeen(breach));
			if (ids.add(breach.accountId())) {
				names.add(one.usernameKey());
			}
		}
		String what = (ids.size() == 1) ? names.get(0) : Wording.count(ids.size(), "account", "accounts") + " ("
				+ Wording.names(names.stream().sorted().toList()) + ")";
		String both = first + " and " + second;
		return new Gap(both + " hold different versions of " + what, both + " held different versions of " + what,
				since);
	}

	private static String name(List<NodeObservation> compared, int index) {
		return Wording.node(compared.get(index).node());
	}

	private static Instant earlier(Instant one, Instant two) {
		return (one == null || two.isBefore(one)) ? two : one;
	}

	/** One version of one account, held by some compared nodes and not by others. */
	private record HeldVersion(String accountId, String version) {
	}

	/** A difference between two nodes, told now and told later. */
	private record Gap(String present, String past, Instant since) {
	}

}
