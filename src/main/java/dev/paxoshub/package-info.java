/**
 * paxoshub: a code-hosting site on three nodes, with consensus on or off.
 * {@link dev.paxoshub.Paxoshub} starts the part of it a process is
 * ({@code paxoshub.role}): the whole demo, one node, or the front door.
 */
package dev.paxoshub;
