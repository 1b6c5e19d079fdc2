package dev.paxoshub.story;

import java.util.List;

/**
 * What the viewer should notice at a step, and how to tell that it really happened.
 *
 * @param notice the sentence shown, such as "your own profile is a 404"
 * @param status the status the page must have been served with, or null for any
 * @param contains texts the page must show
 * @param lacks texts the page must not show
 */
public record Expectation(String notice, Integer status, List<String> contains, List<String> lacks) {

	public Expectation {
		notice = (notice != null) ? notice : "";
		contains = List.copyOf(contains);
		lacks = List.copyOf(lacks);
	}

}
