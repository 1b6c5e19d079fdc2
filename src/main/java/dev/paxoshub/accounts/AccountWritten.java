package dev.paxoshub.accounts;

/**
 * An account change this node committed (a sign-up, a profile, a password, a repository),
 * published once the mode accepted it.
 *
 * @param stamp the version it made, {@code revision@writer@epochMillis}
 */
public record AccountWritten(String accountId, String username, String stamp) {
}
