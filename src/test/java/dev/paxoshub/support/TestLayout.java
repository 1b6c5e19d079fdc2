package dev.paxoshub.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.support.TestLayout;

/**
 * Morpheus, Neo and Trinity on free loopback ports, as the settings of any one of them.
 */
public final class TestLayout {

	/** The story's nodes, in the order pages and tests list them. */
	public static final List<String> NODES = List.of("morpheus", "neo", "trinity");

	private final List<NodeAddress> nodes;

	private TestLayout(List<NodeAddress> nodes) {
		this.nodes = nodes;
	}

	public static TestLayout onFreePorts() {
		return new TestLayout(NODES.stream()
			.map((name) -> new NodeAddress(name, URI.create("http://127.0.0.1:" + FreePorts.next()), null,
					FreePorts.next()))
			.toList());
	}

	public List<NodeAddress> nodes() {
		return this.nodes;
	}

	/**
	 * The settings of one node of this layout, with {@code settings} (without
	 * {@code paxoshub.}) on top.
	 */
	public PaxoshubProperties propertiesOf(String node, Map<String, String> settings) {
		Map<String, String> all = new LinkedHashMap<>(settings);
		all.put("node", node);
		for (int i = 0; i < this.nodes.size(); i++) {
			NodeAddress address = this.nodes.get(i);
			all.put("cluster.nodes[" + i + "].name", address.name());
			all.put("cluster.nodes[" + i + "].url", address.url().toString());
			all.put("cluster.nodes[" + i + "].raft-port", Integer.toString(address.raftPort()));
		}
		return TestProperties.paxoshub(all);
	}

}
