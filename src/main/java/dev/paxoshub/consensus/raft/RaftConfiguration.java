package dev.paxoshub.consensus.raft;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import io.atomix.cluster.ClusterConfig;
import io.atomix.cluster.MemberConfig;
import io.atomix.cluster.Node;
import io.atomix.cluster.discovery.BootstrapDiscoveryProvider;
import io.atomix.cluster.messaging.MessagingConfig;
import io.atomix.core.AtomixConfig;
import io.atomix.primitive.Recovery;
import io.atomix.protocols.raft.MultiRaftProtocol;
import io.atomix.protocols.raft.ReadConsistency;
import io.atomix.protocols.raft.partition.RaftPartitionGroup;
import io.atomix.storage.StorageLevel;
import io.atomix.utils.net.Address;

/**
 * How a node's Atomix member is laid out, written in one place: a Raft management group
 * and one Raft partition of three replicas over every node, and the protocol every
 * replicated map uses.
 */
final class RaftConfiguration {

	static final String SYSTEM_GROUP = "system";

	static final String DATA_GROUP = "data";

	private RaftConfiguration() {
	}

	/**
	 * The member's configuration: this node's address, its peers to bootstrap from, and
	 * the two groups with their logs in this node's data folder. The member listens (TCP
	 * and UDP) on the bind address only; Raft traffic itself is not authenticated, so it
	 * belongs on loopback or a private network.
	 */
	static AtomixConfig member(NodeIdentity node, Path raftDir, StorageLevel storage, String bindAddress) {
		List<Node> members = node.all().stream().map(RaftConfiguration::memberOf).toList();
		String[] names = node.all().stream().map(NodeAddress::name).toArray(String[]::new);
		NodeAddress self = node.self();
		return new AtomixConfig()
			.setClusterConfig(new ClusterConfig()
				.setNodeConfig(new MemberConfig().setId(self.name())
					.setAddress(Address.from(self.url().getHost(), self.raftPort())))
				.setDiscoveryConfig(BootstrapDiscoveryProvider.builder().withNodes(members).build().config())
				.setMessagingConfig(new MessagingConfig().setInterfaces(List.of(bindAddress))))
			.setManagementGroup(RaftPartitionGroup.builder(SYSTEM_GROUP)
				.withNumPartitions(1)
				.withMembers(names)
				.withDataDirectory(new File(raftDir.toFile(), SYSTEM_GROUP))
				.withStorageLevel(storage)
				.build()
				.config())
			.addPartitionGroup(RaftPartitionGroup.builder(DATA_GROUP)
				.withNumPartitions(1)
				.withPartitionSize(names.length)
				.withMembers(names)
				.withDataDirectory(new File(raftDir.toFile(), DATA_GROUP))
				.withStorageLevel(storage)
				.build()
				.config());
	}

	/**
	 * Every map lives in the data group with linearizable reads (a read never shows older
	 * data than a write already acknowledged), recovers a lost session by opening a new
	 * one, and gives up on a silent client after the session timeout.
	 */
	static MultiRaftProtocol protocol(Duration sessionTimeout) {
		return MultiRaftProtocol.builder(DATA_GROUP)
			.withReadConsistency(ReadConsistency.LINEARIZABLE)
			.withRecoveryStrategy(Recovery.RECOVER)
			.withMaxTimeout(sessionTimeout)
			.build();
	}

	private static Node memberOf(NodeAddress address) {
		return Node.builder().withId(address.name()).withAddress(address.url().getHost(), address.raftPort()).build();
	}

}
