/**
 * Repositories with their README, as pages and as the JSON API; a README is rendered (and
 * refused if it cannot be) before the change is committed.
 * <p>
 * May use: {@code accounts}, {@code markdown}, {@code text}, {@code store}, {@code node}.
 */
package dev.paxoshub.repos;
