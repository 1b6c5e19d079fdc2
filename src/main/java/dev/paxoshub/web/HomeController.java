package dev.paxoshub.web;

import dev.paxoshub.accounts.AccountService;
import dev.paxoshub.accounts.AccountView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final AccountService accounts;

	HomeController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("recentAccounts", this.accounts.newest().stream().map(AccountView::of).toList());
		return "home";
	}

}
