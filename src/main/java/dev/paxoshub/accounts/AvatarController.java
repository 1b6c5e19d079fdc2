package dev.paxoshub.accounts;

import java.time.Duration;

import dev.paxoshub.store.Avatar;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves avatars by account id, since on a split brain two accounts can share a username.
 */
@RestController
class AvatarController {

	static final String PATH = "/avatars/{id}";

	private final AccountService accounts;

	AvatarController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping(PATH)
	ResponseEntity<byte[]> avatar(@PathVariable String id) {
		return this.accounts.avatar(id).map(AvatarController::image).orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static ResponseEntity<byte[]> image(Avatar avatar) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(avatar.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
			.header("X-Content-Type-Options", "nosniff")
			.body(avatar.bytes());
	}

}
