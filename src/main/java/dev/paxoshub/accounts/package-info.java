/**
 * Accounts as people use them: sign-up, sign-in pages, profiles, avatars, a new password,
 * and signing out everywhere, for pages and for the JSON API.
 * {@link dev.paxoshub.accounts.AccountService} reads from the node's store and writes
 * through consensus.
 * <p>
 * May use: {@code text}, {@code security}, {@code consensus}, {@code store},
 * {@code node}.
 */
package dev.paxoshub.accounts;
