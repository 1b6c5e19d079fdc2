package dev.paxoshub.consensus.raft;

import java.net.ConnectException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import dev.paxoshub.node.LinkMessage;
import dev.paxoshub.node.Links;
import dev.paxoshub.node.NodeIdentity;
import io.atomix.cluster.messaging.ManagedMessagingService;
import io.atomix.cluster.messaging.MessagingService;
import io.atomix.utils.net.Address;

/**
 * A member's TCP messaging, through this node's {@link Links}: a message to a peer the
 * links cut is dropped before it leaves (its sender sees the failure a dead peer would
 * cause), a message from such a peer is dropped on arrival (no answer goes back, so its
 * sender times out), a slow link holds each message back, and every message is counted
 * and, for elections and appends, kept for the spacetime diagram.
 */
final class LinkedMessaging implements ManagedMessagingService {

	private final ManagedMessagingService delegate;

	private final Links links;

	private final NodeIdentity node;

	LinkedMessaging(ManagedMessagingService delegate, Links links, NodeIdentity node) {
		this.delegate = delegate;
		this.links = links;
		this.node = node;
	}

	@Override
	public Address address() {
		return this.delegate.address();
	}

	@Override
	public CompletableFuture<Void> sendAsync(Address address, String type, byte[] payload, boolean keepAlive) {
		return out(address, type, payload, false, () -> this.delegate.sendAsync(address, type, payload, keepAlive));
	}

	@Override
	public CompletableFuture<byte[]> sendAndReceive(Address address, String type, byte[] payload, boolean keepAlive) {
		return out(address, type, payload, true, () -> this.delegate.sendAndReceive(address, type, payload, keepAlive));
	}

	@Override
	public CompletableFuture<byte[]> sendAndReceive(Address address, String type, byte[] payload, boolean keepAlive,
			Executor executor) {
		return out(address, type, payload, true,
				() -> this.delegate.sendAndReceive(address, type, payload, keepAlive, executor));
	}

	@Override
	public CompletableFuture<byte[]> sendAndReceive(Address address, String type, byte[] payload, boolean keepAlive,
			Duration timeout) {
		return out(address, type, payload, true,
				() -> this.delegate.sendAndReceive(address, type, payload, keepAlive, timeout));
	}

	@Override
	public CompletableFuture<byte[]> sendAndReceive(Address address, String type, byte[] payload, boolean keepAlive,
			Duration timeout, Executor executor) {
		return out(address, type, payload, true,
				() -> this.delegate.sendAndReceive(address, type, payload, keepAlive, timeout, executor));
	}

	@Override
	public void registerHandler(String type, BiConsumer<Address, byte[]> handler, Executor executor) {
		this.delegate.registerHandler(type, (sender, payload) -> {
			if (arrives(sender, type)) {
				handler.accept(sender, payload);
			}
		}, executor);
	}

	@Override
	public void registerHandler(String type, BiFunction<Address, byte[], byte[]> handler, Executor executor) {
		// A message that never arrived gets no answer: the future never completes, as a
		// real drop.
		this.delegate.registerHandler(type,
				(sender, payload) -> arrives(sender, type)
						? CompletableFuture.supplyAsync(() -> handler.apply(sender, payload), executor)
						: new CompletableFuture<>());
	}

	@Override
	public void registerHandler(String type, BiFunction<Address, byte[], CompletableFuture<byte[]>> handler) {
		this.delegate.registerHandler(type, (sender, payload) -> arrives(sender, type) ? handler.apply(sender, payload)
				: new CompletableFuture<>());
	}

	@Override
	public void unregisterHandler(String type) {
		this.delegate.unregisterHandler(type);
	}

	@Override
	public CompletableFuture<MessagingService> start() {
		return this.delegate.start().thenApply((started) -> this);
	}

	@Override
	public boolean isRunning() {
		return this.delegate.isRunning();
	}

	@Override
	public CompletableFuture<Void> stop() {
		return this.delegate.stop();
	}

	private <T> CompletableFuture<T> out(Address to, String type, byte[] payload, boolean wantsAnswer,
			Supplier<CompletableFuture<T>> send) {
		Optional<String> peer = peer(to);
		if (peer.isEmpty()) {
			return send.get();
		}
		String kind = RaftMessages.kind(type);
		Instant sent = Instant.now();
		boolean open = wantsAnswer ? this.links.canExchangeWith(peer.get()) : this.links.canSendTo(peer.get());
		if (!open) {
			this.links.count(peer.get(), kind, "dropped");
			keep(sent, null, peer.get(), kind, "dropped", payload);
			return CompletableFuture.failedFuture(new ConnectException("link to " + peer.get() + " cut by chaos"));
		}
		this.links.count(peer.get(), kind, "sent");
		Duration delay = this.links.delay();
		CompletableFuture<T> reply = delay.isZero() ? send.get()
				: CompletableFuture
					.supplyAsync(send, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
					.thenCompose((later) -> later);
		reply.whenComplete((answer, failure) -> {
			if (failure == null) {
				this.links.heard(peer.get());
			}
			keep(sent, Instant.now(), peer.get(), kind, RaftMessages.outcome(kind, answer, failure), payload);
		});
		return reply;
	}

	private boolean arrives(Address sender, String type) {
		Optional<String> peer = peer(sender);
		if (peer.isEmpty()) {
			return true;
		}
		String kind = RaftMessages.kind(type);
		boolean arrives = this.links.canReceiveFrom(peer.get());
		this.links.count(peer.get(), kind, arrives ? "received" : "dropped");
		if (arrives) {
			this.links.heard(peer.get());
		}
		return arrives;
	}

	private void keep(Instant sent, Instant answered, String to, String kind, String outcome, byte[] request) {
		if (RaftMessages.kept(kind)) {
			this.links.record(new LinkMessage(sent, answered, this.links.self(), to, kind, outcome,
					RaftMessages.term(kind, request)));
		}
	}

	private Optional<String> peer(Address address) {
		return peerAt(this.node, address);
	}

	/**
	 * The node at a member's address. Atomix names the sender of an arriving message by
	 * its IP address's host name ({@code localhost} for 127.0.0.1), not as the node was
	 * configured, so the IP address is compared too.
	 */
	static Optional<String> peerAt(NodeIdentity node, Address address) {
		Optional<String> named = node.nodeAtRaftAddress(address.host(), address.port());
		if (named.isEmpty()) {
			InetAddress ip = address.address();
			named = (ip != null) ? node.nodeAtRaftAddress(ip.getHostAddress(), address.port()) : Optional.empty();
		}
		// A member's messages to itself (its client to its own server) cross no link.
		return named.filter((name) -> !name.equals(node.name()));
	}

}
