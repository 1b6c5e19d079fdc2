package dev.paxoshub.checker;

import java.util.Locale;

import dev.paxoshub.bench.Figures;

/**
 * One kill -9 of the leader and what followed; NaN for what did not happen.
 */
final class FailoverTrial {

	final int number;

	String leader;

	String survivor;

	/** Another node led by the time of the kill: the trial measures nothing. */
	boolean leaderMoved;

	/** Until the killed JVM had exited. */
	double goneMillis = Double.NaN;

	SurvivorWrites writes = SurvivorWrites.NONE;

	String newLeader;

	Long termBefore;

	Long termAfter;

	/** How long {@code cluster.sh start <leader>} took to bring the killed node back. */
	double restartCallSeconds = Double.NaN;

	/** When the restarted node served, as {@code cluster.sh} measured it. */
	double restartServesSeconds = Double.NaN;

	String note;

	FailoverTrial(int number) {
		this.number = number;
	}

	@Override
	public String toString() {
		if (this.leaderMoved) {
			return this.number + ": the leader " + this.leader + " moved before the kill; not counted";
		}
		return String.format(Locale.ROOT,
				"%d: killed %s, writing through %s: first ack of a sign-up sent after the kill %s ms after it "
						+ "(sent %s ms after, took %s ms); last ack before the kill %s ms before it; %d sign-ups "
						+ "in flight at the kill acknowledged after it; failed in between %s; process gone after "
						+ "%s ms; %d sign-ups tried; new leader %s, term %s → %s; cluster.sh start %s took %.1f s, "
						+ "serves after %.1f s%s",
				this.number, this.leader, this.survivor, Figures.msToTenths(this.writes.ackMillis()),
				Figures.msToTenths(this.writes.sentAfterMillis()), Figures.msToTenths(this.writes.ownMillis()),
				Figures.msToTenths(this.writes.lastAckBeforeMillis()), this.writes.inFlightAcked(),
				this.writes.failures(), Figures.msToTenths(this.goneMillis), this.writes.tried(),
				Figures.orNa(this.newLeader), this.termBefore, this.termAfter, this.leader, this.restartCallSeconds,
				this.restartServesSeconds, (this.note != null) ? "; " + this.note : "");
	}

}
