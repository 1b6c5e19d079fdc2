package dev.paxoshub.accounts;

import java.security.Principal;

import dev.paxoshub.security.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Changing the password signs the account out everywhere, this browser included; this
 * browser then gets a fresh sign-in cookie for the new password, so only the others are
 * sent away.
 */
@Controller
class PasswordController {

	static final String PASSWORD_VIEW = "accounts/password";

	private final AccountService accounts;

	private final SignIn signIn;

	PasswordController(AccountService accounts, SignIn signIn) {
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@GetMapping("/settings/password")
	String form(Model model) {
		model.addAttribute("passwordForm", new PasswordForm());
		return PASSWORD_VIEW;
	}

	@PostMapping("/settings/password")
	String change(@Valid @ModelAttribute PasswordForm passwordForm, BindingResult result, Principal principal,
			HttpServletRequest request, HttpServletResponse response) {
		if (!result.hasFieldErrors("newPassword") && !passwordForm.confirmed()) {
			result.rejectValue("confirmPassword", "mismatch", "The two new passwords are not the same.");
		}
		if (result.hasErrors()) {
			return PASSWORD_VIEW;
		}
		try {
			this.accounts.changePassword(principal.getName(), passwordForm.getCurrentPassword(),
					passwordForm.getNewPassword());
		}
		catch (WrongPasswordException ex) {
			result.rejectValue("currentPassword", "wrong", WrongPasswordException.MESSAGE);
			return PASSWORD_VIEW;
		}
		this.signIn.signIn(principal.getName(), request, response);
		return "redirect:/settings/password?changed";
	}

}
