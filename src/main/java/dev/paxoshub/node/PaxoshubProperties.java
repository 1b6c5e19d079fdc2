package dev.paxoshub.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.paxoshub.consensus.ConsensusMode;
import io.atomix.storage.StorageLevel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything a node needs to know about itself and the cluster. One record for the whole
 * cluster layout so that every process (node, front door, demo) reads the same addresses.
 */
@ConfigurationProperties("paxoshub")
public record PaxoshubProperties(
		/* Which node this process is; blank for the front door and the demo supervisor. */
		String node,
		@DefaultValue("off") ConsensusMode consensus,
		@DefaultValue("data") Path dataDir,
		/* Where nodes, their Raft members and the front door listen: loopback unless told otherwise. */
		@DefaultValue("127.0.0.1") String bindAddress,
		/* The address people use, when the site sits behind a proxy; https makes every cookie Secure. */
		URI publicUrl,
		@DefaultValue Cluster cluster,
		@DefaultValue Admin admin,
		@DefaultValue SignIn signIn,
		@DefaultValue Replication replication,
		@DefaultValue Raft raft) {

	/** Whether cookies must only travel over https: the site says it is reached that way. */
	public boolean secureCookies() {
		return this.publicUrl != null && "https".equalsIgnoreCase(this.publicUrl.getScheme());
	}

	/**
	 * @param key authenticates node-to-node calls; every node must share it (see {@link ClusterKey})
	 * @param signInKey signs sign-in cookies; every node must share it, and it must differ from
	 * {@code key}
	 * @param signatureMaxAge how old a signed node-to-node call may be when it arrives; older ones
	 * are refused, so a captured call cannot be replayed later
	 */
	public record Cluster(String key, String signInKey, @DefaultValue("5s") Duration signatureMaxAge,
			List<NodeAddress> nodes) {

		public Cluster {
			nodes = (nodes == null || nodes.isEmpty()) ? NodeAddress.DEFAULTS : List.copyOf(nodes);
		}
	}

	/**
	 * @param raftPort where the node's Raft member listens, on the same host as {@code url}; by
	 * default the HTTP port plus 1000
	 */
	public record NodeAddress(String name, URI url, String color, int raftPort) {

		static final List<NodeAddress> DEFAULTS = List.of(
				new NodeAddress("morpheus", URI.create("http://127.0.0.1:8081"), "#d1242f", 0),
				new NodeAddress("neo", URI.create("http://127.0.0.1:8082"), "#1a7f37", 0),
				new NodeAddress("trinity", URI.create("http://127.0.0.1:8083"), "#8250df", 0));

		private static final Map<String, String> STORY_COLORS = Map.of("morpheus", "#d1242f", "neo", "#1a7f37",
				"trinity", "#8250df");

		public NodeAddress {
			if (raftPort == 0 && url != null) {
				raftPort = url.getPort() + 1000;
			}
			if (color == null || color.isBlank()) {
				// Pages paint every node in its colour; a layout that names none still needs one.
				color = STORY_COLORS.getOrDefault(String.valueOf(name).toLowerCase(Locale.ROOT), "#57606a");
			}
		}

		public String displayName() {
			return displayName(this.name);
		}

		/** How pages and messages name a node: "morpheus" is shown as "Morpheus". */
		public static String displayName(String node) {
			return Character.toUpperCase(node.charAt(0)) + node.substring(1);
		}

		public int port() {
			return this.url.getPort();
		}
	}

	/**
	 * The operator, who may switch consensus and (later) break nodes on purpose.
	 * @param password the operator's password; when none is set, each process that needs one
	 * makes one up at start and prints it once in its log
	 */
	public record Admin(@DefaultValue("admin") String username, String password) {
	}

	/**
	 * How hard guessing passwords is made: failed sign-ins are counted per account and per client
	 * address, and past the allowance each further try waits for the refill.
	 * @param failuresPerAccount failed sign-ins one account takes before it is throttled
	 * @param accountRefill how long until a throttled account may try once more
	 * @param failuresPerAddress failed sign-ins (any accounts) one client address may make
	 * @param addressRefill how long until a throttled address may try once more
	 */
	public record SignIn(@DefaultValue("5") int failuresPerAccount, @DefaultValue("30s") Duration accountRefill,
			@DefaultValue("20") int failuresPerAddress, @DefaultValue("6s") Duration addressRefill) {
	}

	public record Replication(
			@DefaultValue("2s") Duration antiEntropyInterval,
			@DefaultValue("1s") Duration peerTimeout) {
	}

	/**
	 * @param enabled whether the node runs a Raft member at all; without one consensus cannot be
	 * switched on (tests of the OFF mode save the start-up cost)
	 * @param operationTimeout how long a write waits for the cluster before the node answers that it
	 * cannot reach a majority (or that the outcome is unknown)
	 * @param startTimeout how long a node may take to join its Raft group before its member is
	 * started again
	 * @param sessionTimeout how long Atomix keeps a client session of an unresponsive member
	 * @param electionTimeout how long a follower waits without hearing from its leader before it
	 * calls an election (Atomix itself would wait 2.5 s); applied once the member is ready
	 * @param heartbeatInterval how often a leader tells its followers it is still there (Atomix
	 * itself: 250 ms); must stay well below the election timeout
	 * @param resendAfter how long an operation may wait before the member's client is asked to
	 * resend what it waits for to the current leader (Atomix's own retries pause a second or more)
	 * @param storage how each member keeps its Raft logs under its data folder: {@code mapped}
	 * (memory-mapped segment files) or {@code disk} (a file write per entry, which the claim
	 * benchmark measured at about twice the latency on this machine); neither forces a sync to
	 * the device on commit, so both survive a killed process, not a power cut
	 * @param catchUpInterval how often a node compares its whole database with the agreed map, on
	 * top of the commit events it applies as they come and a comparison whenever its member joins,
	 * gets a new session or sees a majority again
	 */
	public record Raft(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration operationTimeout,
			@DefaultValue("45s") Duration startTimeout, @DefaultValue("5s") Duration sessionTimeout,
			@DefaultValue("300ms") Duration electionTimeout, @DefaultValue("50ms") Duration heartbeatInterval,
			@DefaultValue("100ms") Duration resendAfter, @DefaultValue("mapped") StorageLevel storage,
			@DefaultValue("30s") Duration catchUpInterval) {
	}

	public Optional<NodeAddress> address(String name) {
		return this.cluster.nodes().stream().filter((n) -> n.name().equalsIgnoreCase(name)).findFirst();
	}

}
