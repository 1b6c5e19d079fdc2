package dev.paxoshub.story;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.paxoshub.node.WrittenHeaders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestBodySpec;

/**
 * One actor's browser on one cluster's site: its own cookies (sign-in, CSRF), the CSRF
 * token of the form it fills in, redirects followed as a browser would. A request can be
 * sent to a chosen node through the front door, the way an API client pins one.
 */
final class SiteSession {

	static final String NODE_HEADER = "X-Paxoshub-Node";

	static final String SERVED_BY = "X-Paxoshub-Served-By";

	private static final int MAX_REDIRECTS = 5;

	private final URI frontDoor;

	private final RestClient rest;

	private String lastPath = "/";

	SiteSession(URI frontDoor, Duration timeout) {
		this.frontDoor = frontDoor;
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(3))
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(timeout);
		this.rest = RestClient.builder().requestFactory(requests).baseUrl(frontDoor.toString()).build();
	}

	/** The path of the last page this browser ended on, for a refresh. */
	String lastPath() {
		return this.lastPath;
	}

	Exchange open(String path, String node) {
		long started = System.nanoTime();
		Answer answer = send(HttpMethod.GET, path, node, null, null, null);
		return follow("GET", path, node, answer, started);
	}

	/**
	 * Opens the form's page, then sends the form with that page's CSRF token, as a person
	 * filling it in would.
	 * @param formPage where the form is shown
	 * @param action where it is sent
	 */
	Exchange submit(String formPage, String action, MultiValueMap<String, Object> fields, MediaType type, String node) {
		long started = System.nanoTime();
		Answer form = send(HttpMethod.GET, formPage, node, null, null, null);
		Element filledIn = form(form.body(), action);
		if (filledIn == null) {
			// The page has no such form (a refusal, a 404, the sign-in page instead):
			// that
			// page is what the person got.
			return follow("GET", formPage, node, form, started);
		}
		MultiValueMap<String, Object> sending = new LinkedMultiValueMap<>();
		filledIn.select("input[name], textarea[name]")
			.stream()
			.filter((input) -> !input.attr("type").equals("file") && !input.attr("type").equals("submit"))
			.forEach((input) -> sending.set(input.attr("name"),
					input.tagName().equals("textarea") ? input.wholeText() : input.attr("value")));
		sending.putAll(fields);
		String token = (String) sending.getFirst("_csrf");
		Answer sent = send(HttpMethod.POST, action, node, sending, type, token);
		return follow("POST", action, node, sent, started);
	}

	/**
	 * Which account the node answers a username with, as its public API says: the
	 * account's id, {@code none} for a 404, {@code refused} when it will not say (no
	 * majority), {@code unreachable} when another node had to answer instead.
	 */
	String accountShown(String username, String node) {
		try {
			return this.rest.get()
				.uri("/api/accounts/{username}", username)
				.accept(MediaType.APPLICATION_JSON)
				.header(NODE_HEADER, node)
				.exchange((request, response) -> {
					if (!node.equalsIgnoreCase(response.getHeaders().getFirst(SERVED_BY))) {
						return "unreachable";
					}
					int status = response.getStatusCode().value();
					if (status == 200) {
						Map<?, ?> account = response.bodyTo(Map.class);
						return (account != null) ? String.valueOf(account.get("id")) : "unknown";
					}
					return (status == 404) ? "none" : "refused";
				});
		}
		catch (RuntimeException ex) {
			return "unreachable";
		}
	}

	private Exchange follow(String method, String path, String node, Answer first, long started) {
		Answer last = first;
		String landedOn = path;
		for (int hop = 0; hop < MAX_REDIRECTS && last.status() / 100 == 3 && last.location() != null; hop++) {
			landedOn = localPath(last.location());
			last = send(HttpMethod.GET, landedOn, node, null, null, null);
		}
		this.lastPath = landedOn;
		String page = (last.body().length() > Exchange.MAX_PAGE) ? last.body().substring(0, Exchange.MAX_PAGE)
				: last.body();
		return new Exchange(method, path, node, first.servedBy(), last.status(), landedOn, PageSummary.of(page), page,
				first.written(), (System.nanoTime() - started) / 1_000_000);
	}

	private Answer send(HttpMethod method, String path, String node, MultiValueMap<String, Object> fields,
			MediaType type, String token) {
		RequestBodySpec request = this.rest.method(method).uri(path).accept(MediaType.TEXT_HTML);
		if (node != null) {
			request.header(NODE_HEADER, node);
		}
		if (fields != null) {
			request.contentType(type).header("X-XSRF-TOKEN", token).body(fields);
		}
		return request.exchange((req, response) -> {
			HttpHeaders headers = response.getHeaders();
			Map<String, String> written = new HashMap<>();
			putIfPresent(written, "account", headers.getFirst(WrittenHeaders.ACCOUNT));
			putIfPresent(written, "username", headers.getFirst(WrittenHeaders.USERNAME));
			putIfPresent(written, "stamp", headers.getFirst(WrittenHeaders.STAMP));
			return new Answer(status(response.getStatusCode()), headers.getFirst(HttpHeaders.LOCATION),
					headers.getFirst(SERVED_BY), body(response), written);
		});
	}

	private static String body(org.springframework.http.client.ClientHttpResponse response) throws IOException {
		byte[] bytes = response.getBody().readAllBytes();
		return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static int status(HttpStatusCode code) {
		return code.value();
	}

	private static void putIfPresent(Map<String, String> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	/** A redirect stays on this site: only its path and query are followed. */
	private String localPath(String location) {
		URI target = this.frontDoor.resolve(location);
		String path = (target.getRawPath() == null || target.getRawPath().isEmpty()) ? "/" : target.getRawPath();
		return (target.getRawQuery() != null) ? path + "?" + target.getRawQuery() : path;
	}

	/**
	 * The page's form for that action, with what it already holds (its CSRF token, the
	 * profile as it stands), which the browser sends along with what the person typed.
	 */
	private static Element form(String html, String action) {
		return Jsoup.parse(html).selectFirst("form[action=\"" + action + "\"]");
	}

	private record Answer(int status, String location, String servedBy, String body, Map<String, String> written) {
	}

}
