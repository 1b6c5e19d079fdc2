package dev.paxoshub.checker;

import java.util.List;

/**
 * Everything that happened in one run: the clients' operations (in invocation order), the
 * nemesis's faults and the Raft roles the nodes reported. Read from, and written to, a
 * history file by {@link HistoryFile}.
 *
 * @param mode the consensus mode the nodes reported at the start
 * @param durationMs how long the clients ran
 */
public record History(String mode, double durationMs, List<Op> ops, List<Fault> faults, List<RoleSample> roles) {

}
