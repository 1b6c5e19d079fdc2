package dev.paxoshub.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GitHub's username rules, plus the names paxoshub itself needs for its own pages. Each
 * rule answers with the sentence a person needs to fix the name.
 */
public final class UsernameRules {

	public static final int MAX_LENGTH = 39;

	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9-]+");

	/** Top-level routes and names a visitor could mistake for the site itself. */
	static final Set<String> RESERVED = Set.of("about", "account", "accounts", "actuator", "admin", "api", "assets",
			"avatars", "chaos", "cluster", "css", "dashboard", "docs", "error", "explore", "favicon", "features",
			"front-door", "frontdoor", "health", "help", "img", "internal", "join", "js", "login", "logout", "new",
			"null", "organizations", "orgs", "paxoshub", "pin", "root", "search", "security", "settings", "signup",
			"site", "static", "story", "support", "system", "undefined", "users", "webjars");

	private UsernameRules() {
	}

	/**
	 * @return the first rule the name breaks, as a message for the person who typed it
	 */
	public static Optional<String> violation(String username) {
		if (username == null || username.isEmpty()) {
			return Optional.of("Choose a username.");
		}
		if (username.length() > MAX_LENGTH) {
			return Optional.of("A username can have at most " + MAX_LENGTH + " characters.");
		}
		if (!ALLOWED.matcher(username).matches()) {
			return Optional.of("A username may contain only letters (a-z), digits and hyphens.");
		}
		if (username.startsWith("-") || username.endsWith("-")) {
			return Optional.of("A username cannot begin or end with a hyphen.");
		}
		if (username.contains("--")) {
			return Optional.of("A username cannot contain two hyphens in a row.");
		}
		if (RESERVED.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("'" + username + "' is reserved by paxoshub. Choose another username.");
		}
		return Optional.empty();
	}

}
