/**
 * A node's own database: the {@link dev.paxoshub.store.Account} aggregate (profile,
 * avatar, repositories) and {@link dev.paxoshub.store.AccountStore}, which holds whatever
 * the node has accepted or learned, duplicates included. Deciding what may be written is
 * not its job.
 * <p>
 * May use: nothing of paxoshub.
 */
package dev.paxoshub.store;
