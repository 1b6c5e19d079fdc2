package dev.paxoshub.checker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The site's public JSON API, as any program would use it, with every answer sorted into
 * ok, fail (certainly not applied) or unknown (maybe applied). Only a request that was
 * never sent, or one the cluster says changed nothing, is a failure; a write that timed
 * out, lost its connection or came back with a server error may have been applied.
 */
class SiteClient {

	static final String EMAIL_DOMAIN = "@checker.paxoshub.test";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	private final HttpClient http;

	private final Duration requestTimeout;

	SiteClient(Duration requestTimeout) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(CONNECT_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.requestTimeout = requestTimeout;
	}

	Answer claim(URI base, String username, String attempt, String password) {
		ObjectNode body = JSON.createObjectNode();
		body.put("username", username);
		body.put("email", attempt + EMAIL_DOMAIN);
		body.put("password", password);
		return write(request(base, "/api/accounts").header("Content-Type", "application/json").POST(json(body)));
	}

	Answer edit(URI base, String username, String password, String displayName) {
		ObjectNode body = JSON.createObjectNode();
		body.put("displayName", displayName);
		return write(request(base, "/api/accounts/" + encode(username) + "/profile")
			.header("Authorization", basic(username, password))
			.header("Content-Type", "application/json")
			.PUT(json(body)));
	}

	Answer read(URI base, String username) {
		try {
			HttpResponse<String> response = send(request(base, "/api/accounts/" + encode(username)).GET());
			if (response.statusCode() == 200) {
				return accountIn(response);
			}
			if (response.statusCode() == 404) {
				return new Answer(Op.Outcome.OK, 404, null, null, null);
			}
			return Answer.failed(response.statusCode(), detail(response));
		}
		catch (IOException ex) {
			return Answer.failed(0, describe(ex));
		}
	}

	/** GET as the operator, or null when the node does not answer 200. */
	JsonNode operatorGet(URI base, String path, String password) {
		try {
			HttpResponse<String> response = send(
					request(base, path).header("Authorization", basic("admin", password)).GET());
			return (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** GET without credentials, or null when the node does not answer 200 in time. */
	JsonNode get(URI base, String path, Duration timeout) {
		try {
			HttpResponse<String> response = send(request(base, path).timeout(timeout).GET());
			return (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private Answer write(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = send(request);
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return accountIn(response);
			}
			String detail = detail(response);
			if (status < 500 || changedNothing(detail)) {
				return Answer.failed(status, detail);
			}
			return Answer.unknown(status, detail);
		}
		catch (IOException ex) {
			return neverSent(ex) ? Answer.failed(0, describe(ex)) : Answer.unknown(0, describe(ex));
		}
	}

	/**
	 * The node's own refusals say so in words; the front door says so when no node was up
	 * to send the request to.
	 */
	private static boolean changedNothing(String detail) {
		return detail != null && (detail.contains("nothing was changed") || detail.contains("cannot tell whether")
				|| detail.contains("No paxoshub node is up"));
	}

	private static boolean neverSent(IOException ex) {
		if (ex instanceof HttpConnectTimeoutException) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(IOException ex) {
		if (ex instanceof HttpConnectTimeoutException) {
			return "could not connect within " + CONNECT_TIMEOUT.toMillis() + " ms";
		}
		if (ex instanceof HttpTimeoutException) {
			return "no answer in time";
		}
		if (neverSent(ex)) {
			return "connection refused";
		}
		return "connection lost: " + ex.getClass().getSimpleName();
	}

	private static Answer accountIn(HttpResponse<String> response) {
		JsonNode account = JSON.readTree(response.body());
		return new Answer(Op.Outcome.OK, response.statusCode(), account.path("id").asString(null),
				account.path("displayName").asString(null), null);
	}

	private static String detail(HttpResponse<String> response) {
		try {
			String detail = JSON.readTree(response.body()).path("detail").asString(null);
			return (detail != null) ? detail : "HTTP " + response.statusCode();
		}
		catch (RuntimeException ex) {
			return "HTTP " + response.statusCode();
		}
	}

	private HttpRequest.Builder request(URI base, String path) {
		return HttpRequest.newBuilder(base.resolve(path))
			.timeout(this.requestTimeout)
			.header("Accept", "application/json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	private static HttpRequest.BodyPublisher json(ObjectNode body) {
		return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String username) {
		return URLEncoder.encode(username, StandardCharsets.UTF_8);
	}

}
