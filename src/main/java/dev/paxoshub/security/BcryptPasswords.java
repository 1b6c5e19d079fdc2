package dev.paxoshub.security;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt, refusing what BCrypt would silently cut. BCrypt reads only the first 72 bytes,
 * so without this check "the first 72 bytes of the password, then anything" would sign
 * in; sign-up already refuses longer passwords, and sign-in now refuses them too.
 */
final class BcryptPasswords implements PasswordEncoder {

	static final int MAX_BYTES = 72;

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	@Override
	public String encode(CharSequence rawPassword) {
		if (tooLong(rawPassword)) {
			throw new IllegalArgumentException("A password can have at most " + MAX_BYTES + " bytes.");
		}
		return this.bcrypt.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return rawPassword != null && !tooLong(rawPassword) && this.bcrypt.matches(rawPassword, encodedPassword);
	}

	private static boolean tooLong(CharSequence password) {
		return password != null && password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
	}

}
