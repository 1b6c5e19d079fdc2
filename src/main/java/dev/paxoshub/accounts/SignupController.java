package dev.paxoshub.accounts;

import dev.paxoshub.consensus.UsernameTakenException;
import dev.paxoshub.security.SecurityConfiguration;
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
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class SignupController {

	static final String SIGNUP_VIEW = "accounts/signup";

	static final String LOGIN_VIEW = "accounts/login";

	private final AccountService accounts;

	private final SignIn signIn;

	SignupController(AccountService accounts, SignIn signIn) {
		this.accounts = accounts;
		this.signIn = signIn;
	}

	@GetMapping("/join")
	String signupForm(Model model) {
		model.addAttribute("signupForm", new SignupForm());
		return SIGNUP_VIEW;
	}

	@PostMapping("/join")
	String signUp(@Valid @ModelAttribute SignupForm signupForm, BindingResult result, HttpServletRequest request,
			HttpServletResponse response) {
		if (result.hasErrors()) {
			return SIGNUP_VIEW;
		}
		try {
			this.accounts.signUp(signupForm);
		}
		catch (UsernameTakenException ex) {
			result.rejectValue("username", "taken", "Username " + ex.getUsername() + " is already taken.");
			return SIGNUP_VIEW;
		}
		this.signIn.signIn(signupForm.getUsername(), request, response);
		return "redirect:/" + signupForm.getUsername();
	}

	@GetMapping("/login")
	String login() {
		return LOGIN_VIEW;
	}

	/**
	 * The sign-in form again after a throttled try, which has already set the 429 and
	 * Retry-After.
	 */
	@RequestMapping(SecurityConfiguration.THROTTLED_LOGIN_PAGE)
	String throttled(HttpServletRequest request, Model model) {
		model.addAttribute("throttled", request.getAttribute(SecurityConfiguration.THROTTLED_MESSAGE));
		return LOGIN_VIEW;
	}

}
