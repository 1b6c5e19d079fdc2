package dev.paxoshub.consensus.raft;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

import dev.paxoshub.node.Links;
import dev.paxoshub.node.NodeIdentity;
import io.atomix.cluster.messaging.ManagedUnicastService;
import io.atomix.cluster.messaging.UnicastService;
import io.atomix.utils.net.Address;

/**
 * A member's UDP datagrams (Atomix's membership gossip) through this node's
 * {@link Links}, like its TCP messages: a cut link drops them both ways.
 */
final class LinkedUnicast implements ManagedUnicastService {

	private final ManagedUnicastService delegate;

	private final Links links;

	private final NodeIdentity node;

	/**
	 * Listeners are removed by identity, so each one's filtering wrapper is remembered.
	 */
	private final Map<BiConsumer<Address, byte[]>, BiConsumer<Address, byte[]>> wrapped = new ConcurrentHashMap<>();

	LinkedUnicast(ManagedUnicastService delegate, Links links, NodeIdentity node) {
		this.delegate = delegate;
		this.links = links;
		this.node = node;
	}

	@Override
	public void unicast(Address address, String subject, byte[] message) {
		Optional<String> peer = peer(address);
		if (peer.isPresent() && !this.links.canSendTo(peer.get())) {
			this.links.count(peer.get(), "membership", "dropped");
			return;
		}
		peer.ifPresent((name) -> this.links.count(name, "membership", "sent"));
		this.delegate.unicast(address, subject, message);
	}

	@Override
	public void addListener(String subject, BiConsumer<Address, byte[]> listener, Executor executor) {
		BiConsumer<Address, byte[]> filtered = (sender, message) -> {
			Optional<String> peer = peer(sender);
			if (peer.isEmpty() || this.links.canReceiveFrom(peer.get())) {
				listener.accept(sender, message);
			}
		};
		this.wrapped.put(listener, filtered);
		this.delegate.addListener(subject, filtered, executor);
	}

	@Override
	public void removeListener(String subject, BiConsumer<Address, byte[]> listener) {
		BiConsumer<Address, byte[]> filtered = this.wrapped.remove(listener);
		this.delegate.removeListener(subject, (filtered != null) ? filtered : listener);
	}

	@Override
	public CompletableFuture<UnicastService> start() {
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

	private Optional<String> peer(Address address) {
		return LinkedMessaging.peerAt(this.node, address);
	}

}
