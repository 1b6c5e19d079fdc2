package dev.paxoshub.story;

import java.util.Map;

/**
 * One thing an actor did on a site, as it came back: the request that counted (the form's
 * POST, or the page's GET), who served it, and the page the browser ended on after
 * following redirects.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the path asked for
 * @param askedNode the node the request was sent to, or null when the front door chose
 * @param servedBy the node that answered it, from its {@code X-Paxoshub-Served-By}; null
 * when the front door answered itself
 * @param status the status of the page the browser ended on
 * @param landedOn the path of that page
 * @param summary one line about that page: its error or message, else its headline
 * @param page that page's HTML, as served (cut at {@link #MAX_PAGE} characters)
 * @param written the account change the node acknowledged ({@code account},
 * {@code username}, {@code stamp}); empty when none was
 * @param millis how long it took, redirects included
 */
public record Exchange(String method, String path, String askedNode, String servedBy, int status, String landedOn,
		String summary, String page, Map<String, String> written, long millis) {

	public static final int MAX_PAGE = 200_000;

	public Exchange {
		written = Map.copyOf(written);
	}

	public boolean acknowledged() {
		return !this.written.isEmpty();
	}

}
