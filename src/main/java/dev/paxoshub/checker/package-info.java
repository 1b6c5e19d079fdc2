/**
 * Proof under real faults, in the shape Jepsen uses: a generator of operations, clients
 * that run them against real nodes, a nemesis that breaks processes and links on a
 * schedule, a history of everything that happened, and a checker, a pure function from
 * that history and the nodes' final state to a verdict, with its report.
 * <p>
 * It talks to the cluster only the way any program could: HTTP to the front door and to
 * each node, and {@code scripts/cluster.sh} for faults. It depends on no other feature.
 */
package dev.paxoshub.checker;
