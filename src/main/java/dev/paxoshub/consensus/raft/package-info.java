/**
 * Consensus ON, on Atomix Raft: {@link dev.paxoshub.consensus.raft.RaftConsensus} claims
 * and changes accounts in one replicated map;
 * {@link dev.paxoshub.consensus.raft.RaftMember} is the node's member;
 * {@link dev.paxoshub.consensus.raft.RaftProjectionSync} keeps the node's database a
 * projection of what was agreed. {@link dev.paxoshub.consensus.raft.RaftServers} is the
 * one class that knows Atomix's private fields:
 * {@link dev.paxoshub.consensus.raft.RaftProbe} reads through it,
 * {@link dev.paxoshub.consensus.raft.RaftTuner} changes through it.
 * <p>
 * May use: Atomix (the only package that does), {@code consensus}, {@code store},
 * {@code node}.
 */
package dev.paxoshub.consensus.raft;
