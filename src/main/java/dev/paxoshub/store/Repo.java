package dev.paxoshub.store;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/** A code repository of an account; only its README is modelled. */
@Table("REPO")
public class Repo {

	private String name;

	private String description;

	private String readme;

	private Instant createdAt;

	private Instant updatedAt;

	protected Repo() {
	}

	public Repo(String name, String description, String readme, Instant createdAt) {
		this.name = name;
		this.description = description;
		this.readme = readme;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public String getReadme() {
		return this.readme;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
