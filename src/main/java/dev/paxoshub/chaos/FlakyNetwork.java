package dev.paxoshub.chaos;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.paxoshub.node.Links;
import dev.paxoshub.node.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Morpheus's bad day: the node's network goes away and comes back at random intervals
 * until told to stop. While away it can neither reach its peers nor be reached, by them
 * or by the front door (its port refuses connections); the process, its data and its Raft
 * log live on.
 */
@Component
class FlakyNetwork implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FlakyNetwork.class);

	private final Links links;

	private final NodeHttpPort port;

	private final NodeIdentity node;

	private final ScheduledExecutorService clock;

	private ScheduledFuture<?> next;

	private Flakiness flakiness;

	FlakyNetwork(Links links, NodeHttpPort port, NodeIdentity node) {
		this.links = links;
		this.port = port;
		this.node = node;
		this.clock = Executors.newSingleThreadScheduledExecutor((task) -> new Thread(task, node.name() + "-flaky"));
	}

	/**
	 * @param down how long each time away lasts, at least and at most
	 * @param up how long each time back lasts, at least and at most
	 */
	record Flakiness(Range down, Range up) {
	}

	record Range(long minMs, long maxMs) {

		Duration pick() {
			return Duration.ofMillis(ThreadLocalRandom.current().nextLong(this.minMs, this.maxMs + 1));
		}

	}

	synchronized void start(Flakiness flakiness) {
		stop();
		this.flakiness = flakiness;
		log.info("{} goes flaky: away {}-{} ms, back {}-{} ms", this.node.displayName(), flakiness.down().minMs(),
				flakiness.down().maxMs(), flakiness.up().minMs(), flakiness.up().maxMs());
		// Back for a while first: going away at once would close the port under the
		// answer to the very request that asked for this.
		this.next = this.clock.schedule(this::goAway, flakiness.up().pick().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Back for good; nothing of the network is left away. */
	synchronized void stop() {
		if (this.next != null) {
			this.next.cancel(false);
			this.next = null;
		}
		if (this.flakiness != null) {
			this.flakiness = null;
			comeBack();
		}
	}

	synchronized Flakiness flakiness() {
		return this.flakiness;
	}

	private synchronized void goAway() {
		if (this.flakiness == null) {
			return;
		}
		this.links.away(true);
		this.port.close();
		this.next = this.clock.schedule(this::backForAWhile, this.flakiness.down().pick().toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private synchronized void backForAWhile() {
		if (this.flakiness == null) {
			return;
		}
		comeBack();
		this.next = this.clock.schedule(this::goAway, this.flakiness.up().pick().toMillis(), TimeUnit.MILLISECONDS);
	}

	private void comeBack() {
		this.port.open();
		this.links.away(false);
	}

	@Override
	public void destroy() {
		stop();
		this.clock.shutdownNow();
	}

}
