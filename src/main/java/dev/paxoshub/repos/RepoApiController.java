package dev.paxoshub.repos;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;

import dev.paxoshub.accounts.NotOwnerException;
import dev.paxoshub.markdown.RenderedReadmes;
import dev.paxoshub.repos.RepoService.RepoPage;
import dev.paxoshub.store.Repo;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts/{username}/repos")
class RepoApiController {

	private final RepoService repos;

	private final RenderedReadmes readmes;

	RepoApiController(RepoService repos, RenderedReadmes readmes) {
		this.repos = repos;
		this.readmes = readmes;
	}

	@PostMapping
	ResponseEntity<RepoResource> create(@PathVariable String username, @Valid @RequestBody RepoForm form,
			Principal principal) {
		NotOwnerException.check(principal.getName(), username);
		Repo repo = this.repos.create(username, form);
		return ResponseEntity.created(URI.create("/api/accounts/" + username + "/repos/" + repo.getName()))
			.body(resource(repo));
	}

	@GetMapping("/{name}")
	RepoResource repo(@PathVariable String username, @PathVariable String name) {
		RepoPage page = this.repos.find(username, name);
		return resource(page.repo());
	}

	private RepoResource resource(Repo repo) {
		return new RepoResource(repo.getName(), repo.getDescription(), repo.getReadme(),
				this.readmes.html(repo.getReadme()), repo.getCreatedAt(), repo.getUpdatedAt());
	}

	record RepoResource(String name, String description, String readme, String readmeHtml, Instant createdAt,
			Instant updatedAt) {
	}

}
