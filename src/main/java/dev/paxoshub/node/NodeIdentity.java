package dev.paxoshub.node;

import java.util.List;

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

	public List<NodeAddress> peers() {
		return this.all.stream().filter((n) -> !n.name().equals(this.self.name())).toList();
	}

}
