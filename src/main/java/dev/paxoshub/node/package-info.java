/**
 * The ground every node stands on: who this node is and who its peers are
 * ({@link dev.paxoshub.node.NodeIdentity}, {@link dev.paxoshub.node.PaxoshubProperties}),
 * its database, clock and keys ({@link dev.paxoshub.node.NodeKeys}), and how it talks to
 * its peers ({@link dev.paxoshub.node.PeerClient}, signed by
 * {@link dev.paxoshub.node.NodeSignature}).
 * <p>
 * May use: Spring and the JDK only. Every other package may use this one; it uses none of
 * them.
 */
package dev.paxoshub.node;
