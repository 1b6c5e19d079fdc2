package dev.paxoshub.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

import dev.paxoshub.checker.Checker;
import dev.paxoshub.checker.Fault;
import dev.paxoshub.checker.FinalState;
import dev.paxoshub.checker.History;
import dev.paxoshub.checker.Op;
import dev.paxoshub.checker.Verdict;

/**
 * How long the checker takes on a run's worth of history: 10,000 operations of 16 clients
 * over 10 names, overlapping, with a few whose answer was lost. One history comes from a
 * register that really is linearizable (each operation takes effect at a random instant
 * inside its interval); the other has anomalies mixed in (stale reads, a second owner,
 * writes a node lost). Each is checked five times and the median printed.
 * <p>
 * A plain {@code main}, not a test:
 * {@code java -cp target/test-classes:target/classes:$(cat
 * cp.txt) dev.paxoshub.bench.CheckerBenchmark [operations] [seed] [lost answers, 0.01] [names, 10]}.
 */
public final class CheckerBenchmark {

	private static final int CLIENTS = 16;

	private static final int RUNS = 5;

	private CheckerBenchmark() {
	}

	public static void main(String[] args) {
		int operations = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		long seed = (args.length > 1) ? Long.parseLong(args[1]) : 42;
		double lost = (args.length > 2) ? Double.parseDouble(args[2]) : 0.01;
		int names = (args.length > 3) ? Integer.parseInt(args[3]) : 10;
		System.out.println("checker benchmark: " + operations + " operations, " + CLIENTS + " clients, " + names
				+ " names, " + lost + " of answers lost, seed " + seed + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores");
		measure("valid", new Simulation(new Random(seed), operations, lost, names, false).run());
		measure("with anomalies", new Simulation(new Random(seed), operations, lost, names, true).run());
	}

	private static void measure(String label, Simulation.Run run) {
		double[] millis = new double[RUNS];
		Verdict verdict = null;
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			verdict = Checker.check(run.history(), run.finalState());
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		long unknown = run.history().ops().stream().filter((op) -> op.outcome() == Op.Outcome.UNKNOWN).count();
		long failed = run.history().ops().stream().filter((op) -> op.outcome() == Op.Outcome.FAIL).count();
		System.out.println();
		System.out.printf(Locale.ROOT, "%s: %d ops (%d unknown, %d failed), %d faults%n", label, verdict.operations(),
				unknown, failed, run.history().faults().size());
		System.out.printf(Locale.ROOT, "  check time: median %.1f ms (min %.1f, max %.1f) over %d runs%n",
				millis[RUNS / 2], millis[0], millis[RUNS - 1], RUNS);
		System.out.printf(Locale.ROOT,
				"  verdict: %s, duplicates=%d, lost writes=%d, stale reads=%d, non-linearizable names=%d/%d%n",
				verdict.validity(), verdict.duplicates().size(), verdict.lostWrites().size(),
				verdict.staleReads().size(),
				verdict.keys().stream().filter((key) -> key.status() == Verdict.KeyStatus.NOT_LINEARIZABLE).count(),
				verdict.keys().size());
		verdict.duplicates().stream().limit(2).forEach((d) -> System.out.println("    duplicate: " + d.explanation()));
		verdict.lostWrites().stream().limit(2).forEach((l) -> System.out.println("    lost: " + l.explanation()));
		verdict.staleReads().stream().limit(2).forEach((s) -> System.out.println("    stale: " + s.explanation()));
		verdict.keys()
			.stream()
			.filter((key) -> key.status() == Verdict.KeyStatus.NOT_LINEARIZABLE)
			.limit(3)
			.forEach((key) -> System.out.println("    " + key.key() + ": ops " + key.ops() + ": " + key.explanation()));
		verdict.outages()
			.forEach((o) -> System.out.printf(Locale.ROOT, "    outage: %s (%.0f ms)%n", o.explanation(),
					o.unavailableMs()));
	}

	/**
	 * Clients running operations against one register per name, event by event in time
	 * order: each operation takes effect at its own instant between its start and its end
	 * (or, when its answer is lost, perhaps later, perhaps never), and its answer is what
	 * the register held at that instant.
	 */
	private static final class Simulation {

		private final Random random;

		private final int operations;

		private final double lost;

		private final int names;

		private final boolean anomalies;

		private final PriorityQueue<Event> events = new PriorityQueue<>();

		private final Map<String, Account> owners = new HashMap<>();

		private final Map<String, Account> accounts = new LinkedHashMap<>();

		private final Map<Integer, Planned> planned = new HashMap<>();

		private final List<Op> ops = new ArrayList<>();

		private final List<String> doubled = new ArrayList<>();

		private int invoked;

		private int sequence;

		Simulation(Random random, int operations, double lost, int names, boolean anomalies) {
			this.random = random;
			this.operations = operations;
			this.lost = lost;
			this.names = names;
			this.anomalies = anomalies;
		}

		Run run() {
			for (int client = 0; client < CLIENTS; client++) {
				this.events.add(new Event(this.random.nextDouble() * 5, this.sequence++, Event.Type.INVOKE, client));
			}
			double last = 0;
			while (!this.events.isEmpty()) {
				Event event = this.events.poll();
				last = Math.max(last, event.time);
				switch (event.type) {
					case INVOKE -> invoke(event.subject, event.time);
					case APPLY -> apply(this.planned.get(event.subject));
					case COMPLETE -> complete(this.planned.get(event.subject));
				}
			}
			this.ops.sort((a, b) -> Integer.compare(a.id(), b.id()));
			List<Fault> faults = List.of(new Fault("kill", "neo", last * 0.3, last * 0.3 + 3_000, "SIGKILL, restarted"),
					new Fault("partition", "trinity", last * 0.6, last * 0.6 + 5_000, "iptables"));
			History history = new History("on", last, List.copyOf(this.ops), faults, List.of());
			return new Run(history, finalState(last));
		}

		private void invoke(int client, double now) {
			if (this.invoked >= this.operations) {
				return;
			}
			int id = this.invoked++;
			String key = "user" + this.random.nextInt(this.names);
			Account owner = this.owners.get(key);
			Op.Kind kind;
			if (owner == null) {
				kind = this.random.nextBoolean() ? Op.Kind.CLAIM : Op.Kind.READ;
			}
			else {
				double dice = this.random.nextDouble();
				kind = (dice < 0.05) ? Op.Kind.CLAIM : (dice < 0.40) ? Op.Kind.EDIT : Op.Kind.READ;
			}
			double latency = 2 + Math.abs(this.random.nextGaussian()) * 15;
			double dice = this.random.nextDouble();
			// Lost answers: the client gives up after a second; the operation took effect
			// half of the time, maybe after the client gave up.
			Op.Outcome planned = (dice < this.lost) ? Op.Outcome.UNKNOWN
					: (dice < this.lost + 0.01) ? Op.Outcome.FAIL : Op.Outcome.OK;
			double end = now + ((planned == Op.Outcome.UNKNOWN) ? 1_000 : latency);
			Planned op = new Planned(id, client, kind, key, now, end, planned);
			op.attempt = (kind == Op.Kind.CLAIM) ? "attempt-" + id : null;
			op.accountId = (kind == Op.Kind.EDIT) ? owner.id : null;
			op.value = (kind == Op.Kind.EDIT) ? "c" + client + "-e" + id : null;
			this.planned.put(id, op);
			boolean applies = planned == Op.Outcome.OK || (planned == Op.Outcome.UNKNOWN && this.random.nextBoolean());
			if (applies) {
				double window = (planned == Op.Outcome.UNKNOWN) ? 1_500 : end - now;
				this.events
					.add(new Event(now + this.random.nextDouble() * window, this.sequence++, Event.Type.APPLY, id));
			}
			this.events.add(new Event(end, this.sequence++, Event.Type.COMPLETE, id));
		}

		private void apply(Planned op) {
			Account owner = this.owners.get(op.key);
			switch (op.kind) {
				case CLAIM -> {
					if (owner == null) {
						Account made = new Account("acc-" + op.id, op.key, op.attempt);
						this.accounts.put(made.id, made);
						this.owners.put(op.key, made);
						op.accountId = made.id;
						op.status = 201;
					}
					else if (this.anomalies && this.doubled.size() < 2 && this.random.nextDouble() < 0.05) {
						// Split brain: another node said yes too.
						Account made = new Account("acc-" + op.id, op.key, op.attempt);
						this.accounts.put(made.id, made);
						this.doubled.add(made.id);
						op.accountId = made.id;
						op.status = 201;
					}
					else {
						op.status = 409;
					}
				}
				case EDIT -> {
					owner.previous = owner.display;
					owner.display = op.value;
					op.status = 200;
				}
				case READ -> {
					if (owner == null) {
						op.status = 404;
					}
					else {
						op.accountId = owner.id;
						boolean stale = this.anomalies && owner.previous != null && this.random.nextDouble() < 0.002;
						op.value = stale ? owner.previous : owner.display;
						op.status = 200;
					}
				}
			}
		}

		private void complete(Planned op) {
			Op.Outcome outcome = op.planned;
			if (outcome == Op.Outcome.OK && op.status == 409) {
				outcome = Op.Outcome.FAIL;
			}
			int status = (op.planned == Op.Outcome.FAIL) ? 503 : (op.planned == Op.Outcome.UNKNOWN) ? 0 : op.status;
			String accountId = (outcome == Op.Outcome.OK || op.kind == Op.Kind.EDIT) ? op.accountId : null;
			String value = (op.kind == Op.Kind.EDIT || outcome == Op.Outcome.OK) ? op.value : null;
			this.ops.add(new Op(op.id, op.client, op.kind, op.key, "front-door", outcome, op.start, op.end, op.attempt,
					accountId, value, status, (outcome == Op.Outcome.OK) ? null : "by the simulation"));
			double think = this.random.nextDouble() * 5;
			this.events.add(new Event(op.end + think, this.sequence++, Event.Type.INVOKE, op.client));
		}

		private FinalState finalState(double healedAt) {
			Map<String, FinalState.NodeFinal> nodes = new LinkedHashMap<>();
			double[] servingAfter = { 850, 1_400, 2_300 };
			List<String> names = List.of("morpheus", "neo", "trinity");
			for (int i = 0; i < names.size(); i++) {
				List<FinalState.Stored> records = this.accounts.values()
					.stream()
					.map((account) -> new FinalState.Stored(account.id, account.key, account.attempt + "@example.org",
							false))
					.toList();
				Map<String, FinalState.Served> served = new LinkedHashMap<>();
				boolean forgetful = this.anomalies && i == 2;
				this.owners.forEach((key, account) -> served.put(key, new FinalState.Served(account.id,
						(forgetful && key.endsWith("3")) ? account.previous : account.display)));
				nodes.put(names.get(i), new FinalState.NodeFinal(names.get(i), servingAfter[i], records, served));
			}
			return new FinalState(healedAt, nodes);
		}

		record Run(History history, FinalState finalState) {
		}

		private static final class Account {

			final String id;

			final String key;

			final String attempt;

			String display;

			String previous;

			Account(String id, String key, String attempt) {
				this.id = id;
				this.key = key;
				this.attempt = attempt;
			}

		}

		private static final class Planned {

			final int id;

			final int client;

			final Op.Kind kind;

			final String key;

			final double start;

			final double end;

			final Op.Outcome planned;

			String attempt;

			String accountId;

			String value;

			int status;

			Planned(int id, int client, Op.Kind kind, String key, double start, double end, Op.Outcome planned) {
				this.id = id;
				this.client = client;
				this.kind = kind;
				this.key = key;
				this.start = start;
				this.end = end;
				this.planned = planned;
			}

		}

		private record Event(double time, int order, Type type, int subject) implements Comparable<Event> {

			@Override
			public int compareTo(Event other) {
				int byTime = Double.compare(this.time, other.time);
				return (byTime != 0) ? byTime : Integer.compare(this.order, other.order);
			}

			enum Type {

				INVOKE, APPLY, COMPLETE

			}

		}

	}

}
