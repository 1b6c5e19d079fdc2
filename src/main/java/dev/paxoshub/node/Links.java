package dev.paxoshub.node;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * This node's links to its peers: the faults chaos put on them, and the traffic that
 * crossed them. Everything this node sends to or receives from a peer (its Raft messages,
 * consensus OFF's replica pushes and pulls, the cluster views) asks here first whether
 * the link lets it through, so a cut really stops the traffic, in this process or in a
 * process of its own. The counts and the recent messages are what the dashboard draws.
 */
@Component
public class Links {

	/** Which way a partition cuts a link. */
	public enum Direction {

		/** Nothing from the peer arrives (answers to this node's requests included). */
		INBOUND,

		/** Nothing to the peer leaves. */
		OUTBOUND,

		BOTH

	}

	private static final int RECENT_ELECTION_MESSAGES = 300;

	private static final int RECENT_APPENDS = 300;

	private final NodeIdentity node;

	private final Clock clock;

	private final Set<String> cutInbound = ConcurrentHashMap.newKeySet();

	private final Set<String> cutOutbound = ConcurrentHashMap.newKeySet();

	private volatile Duration delay = Duration.ZERO;

	/** Away on a flaky network: no link works, whatever the partitions say. */
	private volatile boolean away;

	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	private final Deque<LinkMessage> elections = new ArrayDeque<>();

	private final Deque<LinkMessage> appends = new ArrayDeque<>();

	/** When each peer was last heard from (a message or an answer), in nanoTime. */
	private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();

	public Links(NodeIdentity node, Clock clock) {
		this.node = node;
		this.clock = clock;
	}

	public String self() {
		return this.node.name();
	}

	/** Cuts the links to the named peers (every peer when none is named). */
	public void partition(Collection<String> peers, Direction direction) {
		Collection<String> from = peers.isEmpty() ? this.node.peers().stream().map((p) -> p.name()).toList() : peers;
		if (direction != Direction.OUTBOUND) {
			this.cutInbound.addAll(from);
		}
		if (direction != Direction.INBOUND) {
			this.cutOutbound.addAll(from);
		}
	}

	/**
	 * Every partition and delay gone (a flaky network is the chaos controller's to stop).
	 */
	public void heal() {
		this.cutInbound.clear();
		this.cutOutbound.clear();
		this.delay = Duration.ZERO;
	}

	public void slow(Duration delay) {
		this.delay = delay;
	}

	public void away(boolean away) {
		this.away = away;
	}

	public boolean isAway() {
		return this.away;
	}

	public Duration delay() {
		return this.delay;
	}

	public boolean canSendTo(String peer) {
		return !this.away && !this.cutOutbound.contains(peer);
	}

	public boolean canReceiveFrom(String peer) {
		return !this.away && !this.cutInbound.contains(peer);
	}

	/** A request that wants an answer needs the link both ways. */
	public boolean canExchangeWith(String peer) {
		return canSendTo(peer) && canReceiveFrom(peer);
	}

	/**
	 * The faults in force, as a person would say them, such as "cut off from Neo (both
	 * ways)".
	 */
	public List<String> describeFaults() {
		List<String> faults = new ArrayList<>();
		if (this.away) {
			faults.add("away (flaky network)");
		}
		for (NodeAddressPair pair : pairs()) {
			if (pair.in() && pair.out()) {
				faults.add("cut off from " + pair.peer() + " (both ways)");
			}
			else if (pair.in()) {
				faults.add("hears nothing from " + pair.peer());
			}
			else if (pair.out()) {
				faults.add("cannot reach " + pair.peer());
			}
		}
		if (!this.delay.isZero()) {
			faults.add("slow (+" + this.delay.toMillis() + " ms to its peers)");
		}
		return faults;
	}

	public Set<String> cutInbound() {
		return Set.copyOf(this.cutInbound);
	}

	public Set<String> cutOutbound() {
		return Set.copyOf(this.cutOutbound);
	}

	/** A message or an answer from the peer arrived just now. */
	public void heard(String peer) {
		this.lastHeard.put(peer, System.nanoTime());
	}

	/**
	 * How many peers were heard from within the given time: a peer that went silent
	 * without a goodbye (a frozen process, a cable pulled) shows here long before any
	 * failure detector gives up on it.
	 */
	public long peersHeardWithin(Duration within) {
		long since = System.nanoTime() - within.toNanos();
		return this.lastHeard.values().stream().filter((at) -> at - since > 0).count();
	}

	/**
	 * Counts one message on a link: {@code sent}, {@code received} or {@code dropped}.
	 */
	public void count(String peer, String kind, String what) {
		this.counts.computeIfAbsent(peer + "|" + kind + "|" + what, (key) -> new AtomicLong()).incrementAndGet();
	}

	/** Keeps a message for the spacetime diagram; votes and polls longer than appends. */
	public void record(LinkMessage message) {
		Deque<LinkMessage> ring = "append".equals(message.kind()) ? this.appends : this.elections;
		int limit = (ring == this.appends) ? RECENT_APPENDS : RECENT_ELECTION_MESSAGES;
		synchronized (ring) {
			ring.addLast(message);
			while (ring.size() > limit) {
				ring.removeFirst();
			}
		}
	}

	/**
	 * What crossed the links so far: counts by peer, kind and fate, and the recent
	 * messages.
	 */
	public Traffic traffic() {
		Map<String, Long> totals = new TreeMap<>();
		this.counts.forEach((key, count) -> totals.put(key, count.get()));
		List<LinkMessage> recent = new ArrayList<>();
		synchronized (this.elections) {
			recent.addAll(this.elections);
		}
		synchronized (this.appends) {
			recent.addAll(this.appends);
		}
		return new Traffic(this.node.name(), this.clock.instant().toEpochMilli(), totals, recent);
	}

	private List<NodeAddressPair> pairs() {
		List<NodeAddressPair> pairs = new ArrayList<>();
		for (var peer : this.node.peers()) {
			boolean in = this.cutInbound.contains(peer.name());
			boolean out = this.cutOutbound.contains(peer.name());
			if (in || out) {
				pairs.add(new NodeAddressPair(peer.displayName(), in, out));
			}
		}
		return pairs;
	}

	private record NodeAddressPair(String peer, boolean in, boolean out) {
	}

	/**
	 * @param node the node that counted
	 * @param at when, in epoch milliseconds
	 * @param counts {@code "<peer>|<kind>|<sent|received|dropped>"} to how many so far
	 * @param recent the latest messages this node sent, votes and polls and appends
	 */
	public record Traffic(String node, long at, Map<String, Long> counts, List<LinkMessage> recent) {
	}

}
