package dev.paxoshub.home;

import java.security.Principal;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every home page's layout says whether the operator is signed in. */
@ControllerAdvice(assignableTypes = { HomePageController.class, DashboardController.class, StoryPageController.class })
class HomeLayoutModel {

	@ModelAttribute
	void operator(Model model, Principal principal) {
		model.addAttribute("operatorName", (principal != null) ? principal.getName() : null);
	}

}
