package dev.paxoshub.consensus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import dev.paxoshub.node.PeerClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns consensus on or off for the whole cluster from whichever node is asked: every
 * node is told to switch, and turning it on then reconciles what the nodes disagree on.
 */
@Component
public class ConsensusToggle {

	/**
	 * Where a node tells each peer to switch, behind the node signature like every
	 * /internal call.
	 */
	public static final String PEER_PATH = "/internal/consensus/{mode}";

	private final SwitchableConsensus consensus;

	private final NodeIdentity node;

	private final PeerClient peers;

	private final ObjectProvider<Reconciliation> reconciliation;

	ConsensusToggle(SwitchableConsensus consensus, NodeIdentity node, PeerClient peers,
			ObjectProvider<Reconciliation> reconciliation) {
		this.consensus = consensus;
		this.node = node;
		this.peers = peers;
		this.reconciliation = reconciliation;
	}

	public Result switchCluster(ConsensusMode mode) {
		this.consensus.switchTo(mode);
		Map<String, String> nodes = new LinkedHashMap<>();
		nodes.put(this.node.name(), "switched");
		for (NodeAddress peer : this.node.peers()) {
			nodes.put(peer.name(), tell(peer, mode));
		}
		List<String> conflicts = (mode == ConsensusMode.ON) ? this.reconciliation.getObject().reconcile() : List.of();
		return new Result(mode, nodes, conflicts);
	}

	private String tell(NodeAddress peer, ConsensusMode mode) {
		try {
			this.peers.rest()
				.post()
				.uri(PeerClient.uri(peer, PEER_PATH, mode.name().toLowerCase()))
				.retrieve()
				.toBodilessEntity();
			return "switched";
		}
		catch (RuntimeException ex) {
			// A node that is down keeps its old mode until it is told again or restarted
			// with the new one.
			return "not reached";
		}
	}

	/**
	 * @param nodes each node's answer: "switched" or "not reached"
	 * @param conflicts the names the nodes had disagreed on, and which copy won
	 */
	public record Result(ConsensusMode mode, Map<String, String> nodes, List<String> conflicts) {
	}

}
