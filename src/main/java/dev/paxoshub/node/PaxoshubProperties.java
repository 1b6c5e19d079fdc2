package dev.paxoshub.node;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything a node needs to know about itself and the cluster. One record for the whole
 * cluster layout so that every process (node, front door, demo) reads the same addresses.
 */
@ConfigurationProperties("paxoshub")
public record PaxoshubProperties(
		/*
		 * Which node this process is; blank for the front door and the demo supervisor.
		 */
		String node, @DefaultValue("data") Path dataDir,
		/*
		 * Where nodes, their Raft members and the front door listen: loopback unless told
		 * otherwise.
		 */
		@DefaultValue("127.0.0.1") String bindAddress,
		/*
		 * The address people use, when the site sits behind a proxy; https makes every
		 * cookie Secure.
		 */
		URI publicUrl, @DefaultValue Cluster cluster, @DefaultValue Admin admin, @DefaultValue SignIn signIn,
		@DefaultValue Replication replication) {

	/**
	 * Whether cookies must only travel over https: the site says it is reached that way.
	 */
	public boolean secureCookies() {
		return this.publicUrl != null && "https".equalsIgnoreCase(this.publicUrl.getScheme());
	}

	/**
	 * @param name the cluster's name when several run side by side (the demo's
	 * {@code off} and {@code on}); it names the site's cookies, since a browser sends a
	 * host's cookies to every port of it
	 * @param key authenticates node-to-node calls; every node must share it (see
	 * {@link ClusterKey})
	 * @param signInKey signs sign-in cookies; every node must share it, and it must
	 * differ from {@code key}
	 * @param signatureMaxAge how old a signed node-to-node call may be when it arrives;
	 * older ones are refused, so a captured call cannot be replayed later
	 */
	public record Cluster(String name, String key, String signInKey, @DefaultValue("5s") Duration signatureMaxAge,
			List<NodeAddress> nodes) {

		public Cluster {
			nodes = (nodes == null || nodes.isEmpty()) ? NodeAddress.DEFAULTS : List.copyOf(nodes);
		}

		/** A cookie's name on this cluster's site (see {@link SiteCookies}). */
		public String cookie(String base) {
			return SiteCookies.named(base, this.name);
		}

	}

	/**
	 * @param raftPort where the node's Raft member listens, on the same host as
	 * {@code url}; by default the HTTP port plus 1000
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
				// Pages paint every node in its colour; a layout that names none still
				// needs one.
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
	 *
	 * @param password the operator's password; when none is set, each process that needs
	 * one makes one up at start and prints it once in its log
	 */
	public record Admin(@DefaultValue("admin") String username, String password) {
	}

	/**
	 * How hard guessing passwords is made: failed sign-ins are counted per account and
	 * per client address, and past the allowance each further try waits for the refill.
	 *
	 * @param failuresPerAccount failed sign-ins one account takes before it is throttled
	 * @param accountRefill how long until a throttled account may try once more
	 * @param failuresPerAddress failed sign-ins (any accounts) one client address may
	 * make
	 * @param addressRefill how long until a throttled address may try once more
	 */
	public record SignIn(@DefaultValue("5") int failuresPerAccount, @DefaultValue("30s") Duration accountRefill,
			@DefaultValue("20") int failuresPerAddress, @DefaultValue("6s") Duration addressRefill) {
	}

	public record Replication(@DefaultValue("2s") Duration antiEntropyInterval,
			@DefaultValue("1s") Duration peerTimeout) {
	}

	public Optional<NodeAddress> address(String name) {
		return this.cluster.nodes().stream().filter((n) -> n.name().equalsIgnoreCase(name)).findFirst();
	}

}
