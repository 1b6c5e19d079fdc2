package dev.paxoshub.repos;

import java.security.Principal;

import dev.paxoshub.accounts.AccountView;
import dev.paxoshub.node.TimeText;
import dev.paxoshub.markdown.RenderedReadmes;
import dev.paxoshub.markdown.UnrenderableReadmeException;
import dev.paxoshub.repos.RepoService.RepoNameTakenException;
import dev.paxoshub.repos.RepoService.RepoPage;
import dev.paxoshub.store.Repo;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class RepoController {

	static final String NEW_VIEW = "repos/new";

	static final String SHOW_VIEW = "repos/show";

	private final RepoService repos;

	private final RenderedReadmes readmes;

	RepoController(RepoService repos, RenderedReadmes readmes) {
		this.repos = repos;
		this.readmes = readmes;
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("repoForm", new RepoForm());
		return NEW_VIEW;
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute RepoForm repoForm, BindingResult result, Principal principal) {
		if (result.hasErrors()) {
			return NEW_VIEW;
		}
		try {
			Repo repo = this.repos.create(principal.getName(), repoForm);
			return "redirect:/" + principal.getName() + "/" + repo.getName();
		}
		catch (RepoNameTakenException ex) {
			result.rejectValue("name", "taken", ex.getBody().getDetail());
			return NEW_VIEW;
		}
		catch (UnrenderableReadmeException ex) {
			result.rejectValue("readme", "unrenderable", ex.getBody().getDetail());
			return NEW_VIEW;
		}
	}

	@GetMapping("/{username:[A-Za-z0-9-]+}/{name:[A-Za-z0-9._-]+}")
	String show(@PathVariable String username, @PathVariable String name, Model model) {
		RepoPage page = this.repos.find(username, name);
		Repo repo = page.repo();
		model.addAttribute("account", AccountView.of(page.account()));
		model.addAttribute("repo", new RepoView(repo.getName(), repo.getDescription(), TimeText.of(repo.getCreatedAt()),
				TimeText.of(repo.getUpdatedAt())));
		model.addAttribute("readmeHtml", this.readmes.html(repo.getReadme()));
		return SHOW_VIEW;
	}

	record RepoView(String name, String description, String createdAtText, String updatedAtText) {
	}

}
