package dev.paxoshub.properties;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The five properties of consensus, judged from what a cluster looks like, one look after
 * the other. It knows nothing of the cluster's consensus mode on purpose: a cluster earns
 * its verdicts by what its nodes hold and do, not by what it claims to run. Time comes
 * only from {@link ClusterObservation#at()}, so the same looks always give the same
 * verdicts.
 * <p>
 * One instance per cluster: safety and liveness, and every property's {@code since},
 * depend on the looks before. Coherence, conflict resolution and no decoherence count a
 * breach only once it has lasted the settle period, because a look reads the nodes one
 * after the other and a node's database may trail another's by a few milliseconds even
 * when nothing is wrong; with a settle period of zero every look stands on its own. A
 * verdict's {@code since} is the look at which it changed; the "since" in a coherence
 * sentence is when the difference it names was first seen, up to one settle period
 * earlier.
 */
public final class PropertiesCheck {

	/** Long enough for a majority that just formed to choose a leader. */
	public static final Duration DEFAULT_ELECTION_GRACE = Duration.ofSeconds(2);

	/**
	 * Two or three looks at the dashboard's pace; far longer than a healthy node trails.
	 */
	public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(1);

	private final Coherence coherence;

	private final ConflictResolution conflictResolution;

	private final NoDecoherence noDecoherence;

	private final Safety safety = new Safety();

	private final Liveness liveness;

	private final Map<Property, Verdict> previous = new EnumMap<>(Property.class);

	public PropertiesCheck() {
		this(DEFAULT_ELECTION_GRACE, DEFAULT_SETTLE);
	}

	/**
	 * @param electionGrace how long a majority that has just formed may refuse writes
	 * before liveness counts it against the cluster
	 * @param settle how long a difference between nodes may last before it counts as a
	 * breach of coherence, conflict resolution or no decoherence
	 */
	public PropertiesCheck(Duration electionGrace, Duration settle) {
		requireNotNegative(electionGrace, "electionGrace");
		requireNotNegative(settle, "settle");
		this.coherence = new Coherence(settle);
		this.conflictResolution = new ConflictResolution(settle);
		this.noDecoherence = new NoDecoherence(settle);
		this.liveness = new Liveness(electionGrace);
	}

	/**
	 * Judges one look at the cluster, which should be later than the one before.
	 * Synchronized because a reset may come from another thread than the looks.
	 * @return one verdict per {@link Property}, in the enum's order
	 */
	public synchronized List<Verdict> evaluate(ClusterObservation now) {
		Instant at = now.at();
		NodeIndex nodes = new NodeIndex(now.nodes());
		Finding coherent = this.coherence.check(nodes, at);
		Finding resolved = this.conflictResolution.check(nodes, at);
		Finding kept = this.noDecoherence.check(now.acknowledged(), nodes, at);
		Finding safe = this.safety.check(now.faultsActive(), List.of(coherent, resolved, kept), at);
		Finding live = this.liveness.check(now.nodes(), nodes, at);
		return List.of(verdict(Property.COHERENCE, coherent, at), verdict(Property.CONFLICT_RESOLUTION, resolved, at),
				verdict(Property.NO_DECOHERENCE, kept, at), verdict(Property.SAFETY, safe, at),
				verdict(Property.LIVENESS, live, at));
	}

	/** The cluster was emptied: what happened before says nothing about it any more. */
	public synchronized void reset() {
		this.coherence.forget();
		this.conflictResolution.forget();
		this.noDecoherence.forget();
		this.safety.forget();
		this.liveness.forget();
		this.previous.clear();
	}

	private Verdict verdict(Property property, Finding finding, Instant at) {
		Verdict before = this.previous.get(property);
		Instant since = (before != null && before.holds() == finding.holds()) ? before.since() : at;
		Verdict verdict = new Verdict(property, finding.holds(), finding.evidence(), since);
		this.previous.put(property, verdict);
		return verdict;
	}

	private static void requireNotNegative(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative, was " + duration);
		}
	}

}
