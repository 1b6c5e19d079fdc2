package dev.paxoshub.story;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an actor can do on a site, with the fields each action needs and may take.
 */
public enum Action {

	SIGN_UP("sign-up", Set.of("username", "password"), Set.of("email")),

	SIGN_IN("sign-in", Set.of("username", "password"), Set.of()),

	OPEN_PROFILE("open-profile", Set.of("username"), Set.of()),

	OPEN_REPO("open-repo", Set.of("username", "repo"), Set.of()),

	EDIT_PROFILE("edit-profile", Set.of(), Set.of("display-name", "bio")),

	UPLOAD_AVATAR("upload-avatar", Set.of(), Set.of("color")),

	CREATE_REPO("create-repo", Set.of("name"), Set.of("description", "readme")),

	/** The last page the actor saw on that cluster, asked again. */
	REFRESH("refresh", Set.of(), Set.of()),

	SIGN_OUT("sign-out", Set.of(), Set.of());

	private final String fileName;

	private final Set<String> required;

	private final Set<String> optional;

	Action(String fileName, Set<String> required, Set<String> optional) {
		this.fileName = fileName;
		this.required = required;
		this.optional = optional;
	}

	/** As a scenario file spells it, such as {@code sign-up}. */
	public String fileName() {
		return this.fileName;
	}

	public Set<String> required() {
		return this.required;
	}

	public Set<String> optional() {
		return this.optional;
	}

	/** Whether it changes what a node stores (and so may be refused). */
	public boolean writes() {
		return this == SIGN_UP || this == EDIT_PROFILE || this == UPLOAD_AVATAR || this == CREATE_REPO;
	}

	public static Optional<Action> named(String fileName) {
		return Arrays.stream(values()).filter((action) -> action.fileName.equals(fileName)).findFirst();
	}

	public static List<String> fileNames() {
		return Arrays.stream(values()).map(Action::fileName).toList();
	}

}
