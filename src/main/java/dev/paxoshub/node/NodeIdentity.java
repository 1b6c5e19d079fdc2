package dev.paxoshub.node;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import dev.paxoshub.node.PaxoshubProperties.NodeAddress;

import org.springframework.stereotype.Component;

/** Who this node is and who its peers are, resolved once from the cluster layout. */
@Component
public class NodeIdentity {

	private final NodeAddress self;

	private final List<NodeAddress> all;

	public NodeIdentity(PaxoshubProperties properties) {
		String name = properties.node();
		if (name == null || name.isBlank()) {
			throw new IllegalStateException("A node needs a name: start it with --paxoshub.node=morpheus|neo|trinity");
		}
		this.self = properties.address(name)
			.orElseThrow(() -> new IllegalStateException("Node '" + name + "' is not in paxoshub.cluster.nodes"));
		this.all = properties.cluster().nodes();
	}

	public NodeAddress self() {
		return this.self;
	}

	public String name() {
		return this.self.name();
	}

	public String displayName() {
		return this.self.displayName();
	}

	public List<NodeAddress> all() {
		return this.all;
	}

	/** The node that serves this address over HTTP, if it is one of the cluster's. */
	public Optional<String> nodeAt(URI uri) {
		return this.all.stream()
			.filter((n) -> n.port() == uri.getPort() && n.url().getHost().equalsIgnoreCase(uri.getHost()))
			.map(NodeAddress::name)
			.findFirst();
	}

	/**
	 * The node whose Raft member listens at this address, if it is one of the cluster's.
	 */
	public Optional<String> nodeAtRaftAddress(String host, int port) {
		return this.all.stream()
			.filter((n) -> n.raftPort() == port && n.url().getHost().equalsIgnoreCase(host))
			.map(NodeAddress::name)
			.findFirst();
	}

	public List<NodeAddress> peers() {
		return this.all.stream().filter((n) -> !n.name().equals(this.self.name())).toList();
	}

}
