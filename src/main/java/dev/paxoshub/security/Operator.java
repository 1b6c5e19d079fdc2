package dev.paxoshub.security;

import java.util.Base64;
import java.util.List;

import dev.paxoshub.node.ClusterKey;
import dev.paxoshub.node.NodeKeys;
import dev.paxoshub.node.PaxoshubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one person who may switch consensus and break nodes on purpose. Configured with
 * {@code paxoshub.admin.username} and {@code paxoshub.admin.password}; without a password
 * one is made up at start and printed once, the way Spring Boot prints its generated
 * password, so a demo never runs with an operator password anybody could guess.
 */
@Component
public class Operator {

	public static final String ROLE = "OPERATOR";

	private static final Logger log = LoggerFactory.getLogger(Operator.class);

	private final String username;

	private final SignedInUser user;

	Operator(PaxoshubProperties properties, PasswordEncoder passwords, NodeKeys keys) {
		this.username = properties.admin().username();
		String password = properties.admin().password();
		if (password == null || password.isBlank()) {
			password = ClusterKey.random();
			log.warn("""


					Using generated operator password: {}
					Sign in as '{}' with it to switch consensus. Set paxoshub.admin.password to choose one.
					""", password, this.username);
		}
		// Each node salts its own BCrypt hash; cookies are bound to what every node
		// computes alike.
		String fingerprint = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(keys.signIn().sign("operator-password:" + this.username + ":" + password));
		this.user = new SignedInUser(this.username, passwords.encode(password), SignedInUser.OPERATOR_ID, 0,
				fingerprint, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
	}

	/** Whether whoever made a request is signed in as the operator. */
	public static boolean is(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> ("ROLE_" + ROLE).equals(authority.getAuthority()));
	}

	boolean is(String username) {
		return this.username.equalsIgnoreCase(username);
	}

	SignedInUser user() {
		return new SignedInUser(this.user.getUsername(), this.user.getPassword(), SignedInUser.OPERATOR_ID, 0,
				this.user.cookieSecret(), this.user.getAuthorities());
	}

}
