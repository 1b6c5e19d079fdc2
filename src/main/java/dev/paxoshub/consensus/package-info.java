/**
 * The boundary every write crosses: {@link dev.paxoshub.consensus.Consensus}, one small
 * interface with two implementations ({@code off}, {@code raft}) behind
 * {@link dev.paxoshub.consensus.SwitchableConsensus}, the one switch, and
 * {@link dev.paxoshub.consensus.ConsensusToggle}, which flips it for the whole cluster.
 * Refusals are plain exceptions; the web layer gives them their HTTP status.
 * <p>
 * May use: {@code store}, {@code node}.
 */
package dev.paxoshub.consensus;
