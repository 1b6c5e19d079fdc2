package dev.paxoshub.repos;

import dev.paxoshub.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new repository, from the page or the API. */
public class RepoForm {

	@NotBlank(message = "Name your repository.")
	@Size(max = 100, message = "A repository name can have at most 100 characters.")
	@Pattern(regexp = "^$|^(?!\\.{1,2}$)[A-Za-z0-9._-]+$",
			message = "A repository name may contain only letters, digits, '.', '-' and '_', and cannot be '.' or '..'.")
	private String name;

	@Size(max = 350, message = "A description can have at most 350 characters.")
	@PlainText(message = "A description cannot contain control characters or invalid Unicode.")
	private String description;

	@ReadmeSize
	@PlainText(multiline = true,
			message = "A README cannot contain control characters (other than line breaks and tabs) or invalid Unicode.")
	private String readme;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = (name != null) ? name.trim() : null;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = (description == null || description.isBlank()) ? null : description.strip();
	}

	public String getReadme() {
		return this.readme;
	}

	public void setReadme(String readme) {
		this.readme = readme;
	}

}
