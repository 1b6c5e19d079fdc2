package dev.paxoshub.frontdoor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import dev.paxoshub.node.WrittenHeaders;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Every account change this front door told a client was done: a node committed it (its
 * answer names the change, see {@link WrittenHeaders}) and the answer was a success. The
 * record is what no-decoherence is checked against, so it is kept here, where the
 * acknowledgement happens, and not by the nodes, which could lose it along with the
 * write.
 */
@Component
class AcknowledgedWrites implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	/** Enough for any demo; the oldest go first. */
	static final int KEPT = 10_000;

	private final Clock clock = Clock.systemUTC();

	private final Deque<Acknowledged> writes = new ArrayDeque<>();

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
		ServerResponse response = next.handle(request);
		String account = response.headers().getFirst(WrittenHeaders.ACCOUNT);
		String stamp = response.headers().getFirst(WrittenHeaders.STAMP);
		if (account != null && stamp != null && !response.statusCode().isError()) {
			add(new Acknowledged(account, response.headers().getFirst(WrittenHeaders.USERNAME), stamp,
					this.clock.instant(), response.headers().getFirst(WrittenHeaders.SERVED_BY)));
		}
		return response;
	}

	private synchronized void add(Acknowledged write) {
		this.writes.addLast(write);
		while (this.writes.size() > KEPT) {
			this.writes.removeFirst();
		}
	}

	synchronized List<Acknowledged> all() {
		return List.copyOf(this.writes);
	}

	/**
	 * @param stamp the version the write made, {@code revision@writer@epochMillis}
	 * @param node the node that committed it
	 */
	record Acknowledged(String accountId, String username, String stamp, Instant at, String node) {
	}

}
