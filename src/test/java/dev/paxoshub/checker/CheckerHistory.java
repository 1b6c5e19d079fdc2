package dev.paxoshub.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hand-made histories and final states for the checker's tests, so that each case reads
 * as what the clients did: {@code during(0, 10).via("neo").claimed("paxosexpert", "a1")}.
 * Operations get ids in the order they are written; write them in the order they began.
 */
final class CheckerHistory {

	static final List<String> NODES = List.of("morpheus", "neo", "trinity");

	private final List<Op> ops = new ArrayList<>();

	private final List<Fault> faults = new ArrayList<>();

	Step during(double start, double end) {
		return new Step(start, end);
	}

	CheckerHistory fault(String kind, String node, double start, double end) {
		this.faults.add(new Fault(kind, node, start, end, "by hand"));
		return this;
	}

	History history() {
		double duration = this.ops.stream().mapToDouble(Op::end).max().orElse(0);
		return new History("on", duration, List.copyOf(this.ops), List.copyOf(this.faults), List.of());
	}

	History history(double durationMs) {
		return new History("on", durationMs, List.copyOf(this.ops), List.copyOf(this.faults), List.of());
	}

	/** A final state healed at the end of the history, every node serving again soon. */
	static Nodes nodes() {
		return new Nodes();
	}

	static String email(Op claim) {
		return claim.attempt() + "@example.org";
	}

	/** One operation being written: when, by whom, through where, then what and how. */
	final class Step {

		private final double start;

		private final double end;

		private int client = 1;

		private String via = "front-door";

		private Step(double start, double end) {
			this.start = start;
			this.end = end;
		}

		Step client(int client) {
			this.client = client;
			return this;
		}

		Step via(String via) {
			this.via = via;
			return this;
		}

		Op claimed(String key, String account) {
			return claim(key, Op.Outcome.OK, 201, account, null);
		}

		/** Told the name already has an owner. */
		Op claimTaken(String key) {
			return claim(key, Op.Outcome.FAIL, 409, null, "taken");
		}

		/** Refused before it did anything. */
		Op claimRefused(String key) {
			return claim(key, Op.Outcome.FAIL, 503, null, "refused");
		}

		/** Its answer lost: it may or may not have made an account. */
		Op claimLost(String key) {
			return claim(key, Op.Outcome.UNKNOWN, 0, null, "timed out");
		}

		Op edited(String key, String account, String value) {
			return add(Op.Kind.EDIT, key, Op.Outcome.OK, null, account, value, 200, null);
		}

		Op editFailed(String key, String account, String value) {
			return add(Op.Kind.EDIT, key, Op.Outcome.FAIL, null, account, value, 503, "refused");
		}

		Op editLost(String key, String account, String value) {
			return add(Op.Kind.EDIT, key, Op.Outcome.UNKNOWN, null, account, value, 0, "timed out");
		}

		/** Saw the account with that display name (null: never set). */
		Op read(String key, String account, String value) {
			return add(Op.Kind.READ, key, Op.Outcome.OK, null, account, value, 200, null);
		}

		Op readAbsent(String key) {
			return add(Op.Kind.READ, key, Op.Outcome.OK, null, null, null, 404, null);
		}

		Op readFailed(String key) {
			return add(Op.Kind.READ, key, Op.Outcome.FAIL, null, null, null, 503, "refused");
		}

		Op readLost(String key) {
			return add(Op.Kind.READ, key, Op.Outcome.UNKNOWN, null, null, null, 0, "timed out");
		}

		private Op claim(String key, Op.Outcome outcome, int status, String account, String error) {
			return add(Op.Kind.CLAIM, key, outcome, "attempt-" + CheckerHistory.this.ops.size(), account, null, status,
					error);
		}

		private Op add(Op.Kind kind, String key, Op.Outcome outcome, String attempt, String account, String value,
				int status, String error) {
			Op op = new Op(CheckerHistory.this.ops.size(), this.client, kind, key, this.via, outcome, this.start,
					this.end, attempt, account, value, status, error);
			CheckerHistory.this.ops.add(op);
			return op;
		}

	}

	/** The nodes' final state, node by node. */
	static final class Nodes {

		private final Map<String, Node> nodes = new LinkedHashMap<>();

		private Nodes() {
			NODES.forEach((name) -> this.nodes.put(name, new Node(name)));
		}

		Nodes everywhere(Consumer<Node> what) {
			this.nodes.values().forEach(what);
			return this;
		}

		Nodes on(String node, Consumer<Node> what) {
			what.accept(this.nodes.get(node));
			return this;
		}

		FinalState build() {
			Map<String, FinalState.NodeFinal> built = new LinkedHashMap<>();
			this.nodes.forEach((name, node) -> built.put(name, node.build()));
			return new FinalState(100_000, built);
		}

	}

	static final class Node {

		private final String name;

		private Double servingAfterMs = 1_000.0;

		private final List<FinalState.Stored> records = new ArrayList<>();

		private final Map<String, FinalState.Served> served = new LinkedHashMap<>();

		private Node(String name) {
			this.name = name;
		}

		/** The account record the claim made, under the claim's name. */
		Node holds(String id, Op claim) {
			return holds(id, claim.key(), email(claim));
		}

		Node holds(String id, String username, String email) {
			this.records.add(new FinalState.Stored(id, username, email, false));
			return this;
		}

		/** An account record whose name was given up: no longer anyone's. */
		Node released(String id, String username) {
			this.records.add(new FinalState.Stored(id, username, id + "@example.org", true));
			return this;
		}

		Node serves(String key, String id, String displayName) {
			this.served.put(key, new FinalState.Served(id, displayName));
			return this;
		}

		Node servingAfter(Double millis) {
			this.servingAfterMs = millis;
			return this;
		}

		private FinalState.NodeFinal build() {
			return new FinalState.NodeFinal(this.name, this.servingAfterMs, List.copyOf(this.records),
					Map.copyOf(this.served));
		}

	}

}
