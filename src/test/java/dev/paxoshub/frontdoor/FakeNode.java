package dev.paxoshub.frontdoor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a loopback port standing in for a paxoshub node: healthy on
 * {@code /actuator/health}, and on any other path it answers its own name, as body and as
 * {@code X-Paxoshub-Served-By}. It remembers every other request it got. It can be
 * stopped and started again on the same port, like a node that goes away and comes back.
 */
class FakeNode {

	private final String name;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private int port;

	private HttpServer server;

	FakeNode(String name) {
		this.name = name;
	}

	String name() {
		return this.name;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	List<Received> received() {
		return this.received;
	}

	boolean isRunning() {
		return this.server != null;
	}

	FakeNode start() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::answer);
		this.server.start();
		this.port = this.server.getAddress().getPort();
		return this;
	}

	/** Closes the port: connections to it are refused from now on. */
	void stop() {
		this.server.stop(0);
		this.server = null;
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/actuator/health")) {
			respond(exchange, 200, "application/json", "{\"status\":\"UP\"}");
			return;
		}
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
				exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
		switch (path) {
			case "/hang-up" -> throw new IllegalStateException(this.name + " crashes before answering");
			case "/sign-in" -> {
				exchange.getResponseHeaders().add("Location", "/dashboard");
				exchange.getResponseHeaders().add("Set-Cookie", "session=" + this.name + "; Path=/; HttpOnly");
				respond(exchange, 302, "text/plain", "");
			}
			default -> respond(exchange, 200, "text/plain", this.name);
		}
	}

	private void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.getResponseHeaders().add("X-Paxoshub-Served-By", this.name);
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	record Received(String method, String uri, Headers headers, byte[] body) {
	}

}
