package dev.paxoshub.accounts;

import java.io.IOException;
import java.security.Principal;

import dev.paxoshub.accounts.AvatarRules.InvalidAvatarException;
import dev.paxoshub.store.Account;
import dev.paxoshub.store.Avatar;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;

@Controller
class ProfileController {

	static final String PROFILE_VIEW = "accounts/profile";

	static final String EDIT_VIEW = "accounts/edit";

	private final AccountService accounts;

	ProfileController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/{username:[A-Za-z0-9-]+}")
	String profile(@PathVariable String username, Principal principal, Model model) {
		Account account = this.accounts.require(username);
		model.addAttribute("account", AccountView.of(account));
		model.addAttribute("repos", account.reposNewestFirst().stream().map(RepoSummary::of).toList());
		boolean owner = principal != null && principal.getName().equalsIgnoreCase(account.getUsername());
		model.addAttribute("owner", owner);
		model.addAttribute("email", owner ? account.getEmail() : null);
		model.addAttribute("copies", this.accounts.copies(username));
		return PROFILE_VIEW;
	}

	@GetMapping("/settings/profile")
	String editForm(Principal principal, Model model) {
		Account account = this.accounts.require(principal.getName());
		ProfileForm form = new ProfileForm();
		form.setDisplayName(account.getDisplayName());
		form.setBio(account.getBio());
		model.addAttribute("profileForm", form);
		model.addAttribute("avatarUrl", AccountView.of(account).avatarUrl());
		return EDIT_VIEW;
	}

	@PostMapping("/settings/profile")
	String edit(@Valid @ModelAttribute ProfileForm profileForm, BindingResult result, Principal principal, Model model)
			throws IOException {
		Avatar avatar = null;
		MultipartFile upload = profileForm.getAvatar();
		if (upload != null && !upload.isEmpty()) {
			try {
				avatar = AvatarRules.check(upload.getBytes());
			}
			catch (InvalidAvatarException ex) {
				result.rejectValue("avatar", "invalid", ex.getBody().getDetail());
			}
		}
		if (result.hasErrors()) {
			model.addAttribute("avatarUrl",
					this.accounts.find(principal.getName())
						.map((account) -> AccountView.of(account).avatarUrl())
						.orElse(null));
			return EDIT_VIEW;
		}
		Account account = this.accounts.updateProfile(principal.getName(), profileForm.getDisplayName(),
				profileForm.getBio(), avatar);
		return "redirect:/" + account.getUsername();
	}

}
