package dev.paxoshub.demo;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.paxoshub.demo.ApiClient.Reply;

/**
 * A person's visits to the pages without a browser: it keeps cookies as a browser does,
 * follows no redirect by itself, and posts a form with the CSRF token the page that holds
 * it carries.
 */
public final class PageClient {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private String pinned;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	public Reply get(URI url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/**
	 * Opens the page that holds a form, then posts the form to its action with the page's
	 * token.
	 */
	public Reply submit(URI page, String action, Map<String, String> fields) {
		Reply form = get(page);
		Matcher token = CSRF_FIELD.matcher(form.response().body());
		if (!token.find()) {
			throw new AssertionError("No form with a CSRF token on " + page + " (" + form.status() + ")");
		}
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", token.group(1));
		String body = all.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(page.resolve(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Asks the front door to send every request of this client to one node. */
	public PageClient pin(String node) {
		this.pinned = node;
		return this;
	}

	/** The value of a cookie this client holds for the site, or null. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private Reply send(HttpRequest.Builder request) {
		if (this.pinned != null) {
			request.header("X-Paxoshub-Node", this.pinned);
		}
		try {
			return new Reply(this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
