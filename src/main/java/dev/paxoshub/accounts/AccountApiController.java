package dev.paxoshub.accounts;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;

import dev.paxoshub.security.Operator;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.Avatar;
import dev.paxoshub.text.PlainText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The account actions of the pages, for programs such as the story replay. */
@RestController
@RequestMapping("/api/accounts")
class AccountApiController {

	private final AccountService accounts;

	AccountApiController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping
	ResponseEntity<AccountResource> signUp(@Valid @RequestBody SignupForm form) {
		Account account = this.accounts.signUp(form);
		return ResponseEntity.created(URI.create("/api/accounts/" + account.getUsername()))
			.body(AccountResource.of(account));
	}

	/**
	 * The email is private: it is shown to the account's owner and to the operator only.
	 */
	@GetMapping("/{username}")
	AccountResource account(@PathVariable String username, Authentication caller) {
		Account account = this.accounts.require(username);
		boolean mayReadEmail = caller != null
				&& (caller.getName().equalsIgnoreCase(account.getUsername()) || Operator.is(caller));
		return mayReadEmail ? AccountResource.withEmail(account) : AccountResource.of(account);
	}

	/**
	 * Also signs the account out everywhere: every sign-in cookie made before is void.
	 */
	@PutMapping("/{username}/password")
	ResponseEntity<Void> changePassword(@PathVariable String username, @Valid @RequestBody PasswordChange change,
			Principal principal) {
		NotOwnerException.check(principal.getName(), username);
		this.accounts.changePassword(username, change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{username}/profile")
	AccountResource updateProfile(@PathVariable String username, @Valid @RequestBody ProfileUpdate update,
			Principal principal) {
		NotOwnerException.check(principal.getName(), username);
		return AccountResource.of(this.accounts.updateProfile(username, update.displayName(), update.bio(), null));
	}

	/**
	 * The image is the request body; its type is read from its bytes, not from
	 * Content-Type. The body is read here, not by a message converter, which would read
	 * all of it however large.
	 */
	@PutMapping("/{username}/avatar")
	AccountResource updateAvatar(@PathVariable String username, HttpServletRequest request, Principal principal)
			throws IOException {
		NotOwnerException.check(principal.getName(), username);
		Avatar avatar = AvatarRules.read(request.getInputStream(), request.getContentLengthLong());
		Account account = this.accounts.require(username);
		return AccountResource
			.of(this.accounts.updateProfile(username, account.getDisplayName(), account.getBio(), avatar));
	}

	record PasswordChange(@NotBlank(message = "Enter your current password.") String currentPassword,
			@Obeys(Obeys.Rule.PASSWORD) String newPassword) {
	}

	/** The same rules as the page's {@link ProfileForm}. */
	record ProfileUpdate(@Size(max = 100, message = "A display name can have at most 100 characters.") @PlainText(
			message = "A display name cannot contain control characters or invalid Unicode.") String displayName,
			@Size(max = 160, message = "A bio can have at most 160 characters.") @PlainText(multiline = true,
					message = "A bio cannot contain control characters (other than line breaks and tabs) or invalid Unicode.") String bio) {
	}

}
