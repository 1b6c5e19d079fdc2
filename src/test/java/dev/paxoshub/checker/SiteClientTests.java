package dev.paxoshub.checker;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each answer is recorded: only a request never sent, or one the cluster says changed
 * nothing, may count as failed; anything else that is not a yes may have been applied.
 */
class SiteClientTests {

	private HttpServer server;

	private volatile int status;

	private volatile String body;

	private volatile long delayMs;

	private final SiteClient site = new SiteClient(Duration.ofMillis(500));

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			sleep(this.delayMs);
			byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void aSignUpTheNodeConfirmedIsOkWithTheAccountItMade() {
		answer(201, "{\"id\":\"acc-1\",\"username\":\"neo\",\"displayName\":null}");
		Answer answer = claim();
		assertThat(answer.outcome()).isEqualTo(Op.Outcome.OK);
		assertThat(answer.accountId()).isEqualTo("acc-1");
	}

	@Test
	void aTakenNameOrARefusalThatChangedNothingIsAFailure() {
		answer(409, problem("Username neo is already taken."));
		assertThat(claim().outcome()).isEqualTo(Op.Outcome.FAIL);
		assertThat(claim().status()).isEqualTo(409);
		answer(503, problem("Neo cannot reach a majority of the cluster; nothing was changed. Try again in a moment."));
		assertThat(claim().outcome()).isEqualTo(Op.Outcome.FAIL);
		answer(503, problem("Neo cannot reach a majority of the cluster, so it cannot tell whether what it holds "
				+ "is current. Try again in a moment."));
		assertThat(edit().outcome()).isEqualTo(Op.Outcome.FAIL);
		answer(503, problem("No paxoshub node is up right now. Try again in a moment."));
		assertThat(claim().outcome()).isEqualTo(Op.Outcome.FAIL);
	}

	@Test
	void aWriteThatMayHaveBeenAppliedIsUnknown() {
		answer(503, problem("Neo sent your change to the cluster but could not confirm it in time. It may or may "
				+ "not have been applied: check again in a moment before you repeat it."));
		assertThat(claim().outcome()).isEqualTo(Op.Outcome.UNKNOWN);
		answer(502, problem("The paxoshub node working on your request stopped answering, so it may or may not "
				+ "have been done. Check before you try again."));
		assertThat(edit().outcome()).isEqualTo(Op.Outcome.UNKNOWN);
		answer(500, "not json at all");
		assertThat(claim().outcome()).isEqualTo(Op.Outcome.UNKNOWN);
	}

	@Test
	void aWriteWithoutAnAnswerInTimeIsUnknownAndOneNeverSentIsAFailure() throws IOException {
		answer(201, "{\"id\":\"acc-1\"}");
		this.delayMs = 1_500;
		Answer late = claim();
		assertThat(late.outcome()).isEqualTo(Op.Outcome.UNKNOWN);
		assertThat(late.error()).isEqualTo("no answer in time");
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		Answer refused = this.site.claim(URI.create("http://127.0.0.1:" + closed), "neo", "a1", "long-password");
		assertThat(refused.outcome()).isEqualTo(Op.Outcome.FAIL);
		assertThat(refused.error()).isEqualTo("connection refused");
	}

	@Test
	void aReadIsOkWhenItSawAnAccountOrNoneAndFailsOtherwise() {
		answer(200, "{\"id\":\"acc-1\",\"displayName\":\"c1-e3\"}");
		assertThat(read()).isEqualTo(new Answer(Op.Outcome.OK, 200, "acc-1", "c1-e3", null));
		answer(404, problem("There is no account named neo on this node."));
		assertThat(read()).isEqualTo(new Answer(Op.Outcome.OK, 404, null, null, null));
		answer(503, problem("Neo cannot reach a majority of the cluster, so it cannot tell whether what it holds "
				+ "is current."));
		assertThat(read().outcome()).isEqualTo(Op.Outcome.FAIL);
	}

	private void answer(int status, String body) {
		this.status = status;
		this.body = body;
	}

	private static String problem(String detail) {
		return "{\"status\":0,\"detail\":\"" + detail + "\"}";
	}

	private URI base() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	private Answer claim() {
		return this.site.claim(base(), "neo", "a1", "long-password");
	}

	private Answer edit() {
		return this.site.edit(base(), "neo", "long-password", "c1-e1");
	}

	private Answer read() {
		return this.site.read(base(), "neo");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
