package dev.paxoshub.consensus.raft;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import dev.paxoshub.consensus.raft.RaftInternals.PartitionState;
import dev.paxoshub.consensus.raft.RaftInternals.Tuning;
import io.atomix.cluster.Node;
import io.atomix.cluster.discovery.BootstrapDiscoveryProvider;
import io.atomix.core.Atomix;
import io.atomix.core.map.AtomicMap;
import io.atomix.primitive.Recovery;
import io.atomix.primitive.partition.PartitionId;
import io.atomix.protocols.raft.MultiRaftProtocol;
import io.atomix.protocols.raft.ReadConsistency;
import io.atomix.protocols.raft.partition.RaftPartition;
import io.atomix.protocols.raft.partition.RaftPartitionGroup;
import io.atomix.protocols.raft.partition.RaftPartitionGroupConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three bare Atomix members in one JVM, built like {@link RaftMember} builds one: what
 * {@link RaftInternals} reads from their Raft servers must be one consistent picture, and the
 * timeouts it sets must be the ones the servers then run with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class RaftInternalsTests {

	private static final List<String> NAMES = List.of("morpheus", "neo", "trinity");

	private static final Duration ELECTION = Duration.ofMillis(300);

	private static final Duration HEARTBEAT = Duration.ofMillis(50);

	private static int nextPort = 15_000 + (int) (ProcessHandle.current().pid() % 100) * 40;

	@TempDir
	static Path data;

	private final Map<String, Atomix> members = new LinkedHashMap<>();

	private AtomicMap<String, String> map;

	/** Plain JUnit runs Logback unconfigured, at DEBUG: Atomix would flood the output. */
	private final ch.qos.logback.classic.Logger atomixLog = (ch.qos.logback.classic.Logger) LoggerFactory
		.getLogger("io.atomix");

	private Level atomixLevel;

	@BeforeAll
	void startThreeMembers() throws Exception {
		this.atomixLevel = this.atomixLog.getLevel();
		this.atomixLog.setLevel(Level.WARN);
		List<Node> nodes = new ArrayList<>();
		for (String name : NAMES) {
			nodes.add(Node.builder().withId(name).withAddress("127.0.0.1", freePort()).build());
		}
		for (Node node : nodes) {
			this.members.put(node.id().id(), member(node, nodes));
		}
		CompletableFuture.allOf(this.members.values().stream().map(Atomix::start).toArray(CompletableFuture[]::new))
			.get(90, TimeUnit.SECONDS);
		this.map = this.members.get("morpheus")
			.<String, String>atomicMapBuilder("accounts")
			.withProtocol(MultiRaftProtocol.builder(RaftMember.DATA_GROUP)
				.withReadConsistency(ReadConsistency.LINEARIZABLE)
				.withRecoveryStrategy(Recovery.RECOVER)
				.withMaxTimeout(Duration.ofSeconds(5))
				.build())
			.build();
	}

	@AfterAll
	void stopMembers() {
		this.members.values().forEach((member) -> {
			try {
				member.stop().get(20, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// already stopped by the failover test, or stopping anyway
			}
		});
		this.atomixLog.setLevel(this.atomixLevel);
	}

	@Test
	@Order(1)
	void everyServerReportsTheSameLeaderAndTermAndExactlyOneLeads() {
		for (String group : List.of(RaftMember.SYSTEM_GROUP, RaftMember.DATA_GROUP)) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertOneLeader(group, NAMES));
		}
		this.map.put("paxosexpert", "{\"id\":\"1\"}");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (String name : NAMES) {
				PartitionState state = RaftInternals.state(this.members.get(name), RaftMember.DATA_GROUP);
				assertThat(state.commitIndex()).as("commit index on %s", name).isPositive();
				assertThat(state.lastApplied()).as("last applied on %s", name).isPositive();
				assertThat(state.partition()).isNotBlank();
			}
		});
		// Until tuned, the servers run with what Atomix's partition server hard-codes.
		PartitionState untuned = RaftInternals.state(this.members.get("neo"), RaftMember.DATA_GROUP);
		assertThat(untuned.electionTimeout()).isEqualTo(Duration.ofMillis(2500));
		assertThat(untuned.heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	@Order(2)
	void tuningSetsTheTimeoutsOnEveryServerAndTheLeaderStepsDownOnce() throws Exception {
		Map<String, Long> termsBefore = new LinkedHashMap<>();
		for (String group : List.of(RaftMember.SYSTEM_GROUP, RaftMember.DATA_GROUP)) {
			termsBefore.put(group, RaftInternals.state(this.members.get("neo"), group).term());
		}
		List<Tuning> tunings = new ArrayList<>();
		for (String name : NAMES) {
			List<CompletableFuture<Tuning>> tuned = RaftInternals.tune(this.members.get(name), ELECTION, HEARTBEAT,
					RaftMember.SYSTEM_GROUP, RaftMember.DATA_GROUP);
			assertThat(tuned).as("servers of %s", name).hasSize(2);
			for (CompletableFuture<Tuning> tuning : tuned) {
				tunings.add(tuning.get(10, TimeUnit.SECONDS));
			}
		}
		assertThat(tunings).filteredOn(Tuning::steppedDown).isNotEmpty();

		for (String group : List.of(RaftMember.SYSTEM_GROUP, RaftMember.DATA_GROUP)) {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertOneLeader(group, NAMES));
			for (String name : NAMES) {
				PartitionState state = RaftInternals.state(this.members.get(name), group);
				assertThat(state.electionTimeout()).as("%s election timeout on %s", group, name).isEqualTo(ELECTION);
				assertThat(state.heartbeatInterval()).as("%s heartbeat on %s", group, name).isEqualTo(HEARTBEAT);
				assertThat(state.term()).as("%s term on %s", group, name).isGreaterThan(termsBefore.get(group));
			}
		}

		// Tuning again changes nothing: no leader steps down a second time.
		for (String name : NAMES) {
			for (CompletableFuture<Tuning> tuning : RaftInternals.tune(this.members.get(name), ELECTION, HEARTBEAT,
					RaftMember.DATA_GROUP)) {
				assertThat(tuning.get(10, TimeUnit.SECONDS).steppedDown()).isFalse();
			}
		}
		// A stable leader stays: no elections go on once everyone runs with the short timeouts.
		long term = RaftInternals.state(this.members.get("neo"), RaftMember.DATA_GROUP).term();
		Thread.sleep(2000);
		assertOneLeader(RaftMember.DATA_GROUP, NAMES);
		assertThat(RaftInternals.state(this.members.get("neo"), RaftMember.DATA_GROUP).term()).isEqualTo(term);
	}

	@Test
	@Order(3)
	void whenTheLeaderIsCutTheOthersElectANewOneWithinAFewElectionTimeouts() throws Exception {
		PartitionState before = RaftInternals.state(this.members.get("neo"), RaftMember.DATA_GROUP);
		String leader = before.leader();
		List<String> survivors = NAMES.stream().filter((name) -> !name.equals(leader)).toList();

		long cut = System.nanoTime();
		CompletableFuture<Void> stopping = this.members.get(leader).stop();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
			PartitionState one = assertOneLeader(RaftMember.DATA_GROUP, survivors);
			assertThat(one.leader()).isNotEqualTo(leader);
			assertThat(one.term()).isGreaterThan(before.term());
		});
		Duration failover = Duration.ofNanos(System.nanoTime() - cut);
		System.out.println("Raft failover after cutting leader " + leader + ": " + failover.toMillis() + " ms");
		assertThat(failover).isLessThan(Duration.ofSeconds(2));
		stopping.get(20, TimeUnit.SECONDS);

		// The stopped member reads as unknown or inactive, never as an exception.
		PartitionState stopped = RaftInternals.state(this.members.get(leader), RaftMember.DATA_GROUP);
		assertThat(stopped.role()).isNotEqualTo("leader");
	}

	@Test
	@Order(0)
	void whatCannotBeReadIsUnknown() {
		assertThat(RaftInternals.contexts(null, RaftMember.DATA_GROUP)).isEmpty();
		assertThat(RaftInternals.state(null, RaftMember.DATA_GROUP)).isEqualTo(PartitionState.UNKNOWN);
		assertThat(RaftInternals.contexts(this.members.get("neo"), "no-such-group")).isEmpty();
		// A partition whose server was never opened has no server to read.
		RaftPartition unopened = new RaftPartition(PartitionId.from(RaftMember.DATA_GROUP, 1),
				new RaftPartitionGroupConfig(), data.resolve("unopened").toFile(), null);
		assertThat(RaftInternals.context(unopened)).isEmpty();
	}

	/** Exactly one of the given members leads the group, and every one of them agrees on who and when. */
	private PartitionState assertOneLeader(String group, List<String> names) {
		List<PartitionState> states = names.stream()
			.map((name) -> RaftInternals.state(this.members.get(name), group))
			.toList();
		assertThat(states).as("%s roles", group).filteredOn((s) -> "leader".equals(s.role())).hasSize(1);
		assertThat(states).as("%s roles", group).extracting(PartitionState::role).containsOnly("leader", "follower");
		PartitionState leader = states.stream().filter((s) -> "leader".equals(s.role())).findFirst().orElseThrow();
		String leaderName = names.get(states.indexOf(leader));
		assertThat(states).as("%s leaders", group).extracting(PartitionState::leader).containsOnly(leaderName);
		assertThat(states).as("%s terms", group).extracting(PartitionState::term).containsOnly(leader.term());
		return leader;
	}

	private static Atomix member(Node self, List<Node> nodes) {
		String[] names = nodes.stream().map((n) -> n.id().id()).toArray(String[]::new);
		File dir = data.resolve(self.id().id()).toFile();
		return Atomix.builder()
			.withMemberId(self.id().id())
			.withAddress(self.address().host(), self.address().port())
			.withMembershipProvider(BootstrapDiscoveryProvider.builder().withNodes(nodes).build())
			.withManagementGroup(RaftPartitionGroup.builder(RaftMember.SYSTEM_GROUP)
				.withNumPartitions(1)
				.withMembers(names)
				.withDataDirectory(new File(dir, RaftMember.SYSTEM_GROUP))
				.build())
			.withPartitionGroups(RaftPartitionGroup.builder(RaftMember.DATA_GROUP)
				.withNumPartitions(1)
				.withPartitionSize(names.length)
				.withMembers(names)
				.withDataDirectory(new File(dir, RaftMember.DATA_GROUP))
				.build())
			.build();
	}

	/**
	 * A loopback port below the range handed out to outgoing connections (so no client socket
	 * takes it before the member binds it) and below the one {@code RunningCluster} uses.
	 */
	/** A free loopback port, also for the other Atomix tests of this package. */
	static synchronized int freePort() {
		while (nextPort < 20_000) {
			int port = nextPort++;
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return port;
			}
			catch (IOException ex) {
				// taken: try the next one
			}
		}
		throw new UncheckedIOException(new IOException("no free loopback port left below 20000"));
	}

}
