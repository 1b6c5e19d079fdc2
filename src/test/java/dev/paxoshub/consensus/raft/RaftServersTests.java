package dev.paxoshub.consensus.raft;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;

import dev.paxoshub.consensus.RaftRole;
import dev.paxoshub.consensus.raft.RaftTuner.Tuning;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.support.TestLayout;
import io.atomix.core.Atomix;
import io.atomix.core.map.AtomicMap;
import io.atomix.primitive.partition.PartitionId;
import io.atomix.protocols.raft.partition.RaftPartition;
import io.atomix.protocols.raft.partition.RaftPartitionGroupConfig;
import io.atomix.storage.StorageLevel;
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
 * {@link RaftProbe} and {@link RaftTuner} reads from their Raft servers must be one
 * consistent picture, and the timeouts it sets must be the ones the servers then run
 * with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class RaftServersTests {

	private static final List<String> NAMES = TestLayout.NODES;

	private static final Duration ELECTION = Duration.ofMillis(300);

	private static final Duration HEARTBEAT = Duration.ofMillis(50);

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
		TestLayout layout = TestLayout.onFreePorts();
		for (String name : NAMES) {
			this.members.put(name, member(layout.propertiesOf(name, Map.of())));
		}
		CompletableFuture.allOf(this.members.values().stream().map(Atomix::start).toArray(CompletableFuture[]::new))
			.get(90, TimeUnit.SECONDS);
		this.map = this.members.get("morpheus")
			.<String, String>atomicMapBuilder("accounts")
			.withProtocol(RaftConfiguration.protocol(Duration.ofSeconds(5)))
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
		for (String group : List.of(RaftConfiguration.SYSTEM_GROUP, RaftConfiguration.DATA_GROUP)) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertOneLeader(group, NAMES));
		}
		this.map.put("paxosexpert", "{\"id\":\"1\"}");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (String name : NAMES) {
				RaftServerState state = RaftProbe.state(this.members.get(name), RaftConfiguration.DATA_GROUP);
				assertThat(state.commitIndex()).as("commit index on %s", name).isPositive();
				assertThat(state.lastApplied()).as("last applied on %s", name).isPositive();
				assertThat(state.partition()).isNotBlank();
			}
		});
		// Until tuned, the servers run with what Atomix's partition server hard-codes.
		RaftServerState untuned = RaftProbe.state(this.members.get("neo"), RaftConfiguration.DATA_GROUP);
		assertThat(untuned.electionTimeout()).isEqualTo(Duration.ofMillis(2500));
		assertThat(untuned.heartbeatInterval()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	@Order(2)
	void tuningSetsTheTimeoutsOnEveryServerAndTheLeaderStepsDownOnce() throws Exception {
		Map<String, Long> termsBefore = new LinkedHashMap<>();
		for (String group : List.of(RaftConfiguration.SYSTEM_GROUP, RaftConfiguration.DATA_GROUP)) {
			termsBefore.put(group, RaftProbe.state(this.members.get("neo"), group).term());
		}
		List<Tuning> tunings = new ArrayList<>();
		for (String name : NAMES) {
			List<CompletableFuture<Tuning>> tuned = RaftTuner.tune(this.members.get(name), ELECTION, HEARTBEAT,
					RaftConfiguration.SYSTEM_GROUP, RaftConfiguration.DATA_GROUP);
			assertThat(tuned).as("servers of %s", name).hasSize(2);
			for (CompletableFuture<Tuning> tuning : tuned) {
				tunings.add(tuning.get(10, TimeUnit.SECONDS));
			}
		}
		assertThat(tunings).filteredOn(Tuning::steppedDown).isNotEmpty();

		for (String group : List.of(RaftConfiguration.SYSTEM_GROUP, RaftConfiguration.DATA_GROUP)) {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertOneLeader(group, NAMES));
			for (String name : NAMES) {
				RaftServerState state = RaftProbe.state(this.members.get(name), group);
				assertThat(state.electionTimeout()).as("%s election timeout on %s", group, name).isEqualTo(ELECTION);
				assertThat(state.heartbeatInterval()).as("%s heartbeat on %s", group, name).isEqualTo(HEARTBEAT);
				assertThat(state.term()).as("%s term on %s", group, name).isGreaterThan(termsBefore.get(group));
			}
		}

		// Tuning again changes nothing: no leader steps down a second time.
		for (String name : NAMES) {
			for (CompletableFuture<Tuning> tuning : RaftTuner.tune(this.members.get(name), ELECTION, HEARTBEAT,
					RaftConfiguration.DATA_GROUP)) {
				assertThat(tuning.get(10, TimeUnit.SECONDS).steppedDown()).isFalse();
			}
		}
		// A stable leader stays: no elections go on once everyone runs with the short
		// timeouts.
		long term = RaftProbe.state(this.members.get("neo"), RaftConfiguration.DATA_GROUP).term();
		Thread.sleep(2000);
		assertOneLeader(RaftConfiguration.DATA_GROUP, NAMES);
		assertThat(RaftProbe.state(this.members.get("neo"), RaftConfiguration.DATA_GROUP).term()).isEqualTo(term);
	}

	@Test
	@Order(3)
	void whenTheLeaderIsCutTheOthersElectANewOneWithinAFewElectionTimeouts() throws Exception {
		RaftServerState before = RaftProbe.state(this.members.get("neo"), RaftConfiguration.DATA_GROUP);
		String leader = before.leader();
		List<String> survivors = NAMES.stream().filter((name) -> !name.equals(leader)).toList();

		long cut = System.nanoTime();
		CompletableFuture<Void> stopping = this.members.get(leader).stop();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
			RaftServerState one = assertOneLeader(RaftConfiguration.DATA_GROUP, survivors);
			assertThat(one.leader()).isNotEqualTo(leader);
			assertThat(one.term()).isGreaterThan(before.term());
		});
		Duration failover = Duration.ofNanos(System.nanoTime() - cut);
		System.out.println("Raft failover after cutting leader " + leader + ": " + failover.toMillis() + " ms");
		assertThat(failover).isLessThan(Duration.ofSeconds(2));
		stopping.get(20, TimeUnit.SECONDS);

		// The stopped member reads as unknown or inactive, never as an exception.
		RaftServerState stopped = RaftProbe.state(this.members.get(leader), RaftConfiguration.DATA_GROUP);
		assertThat(stopped.role()).isNotEqualTo(RaftRole.LEADER);
	}

	@Test
	@Order(0)
	void whatCannotBeReadIsUnknown() {
		assertThat(RaftServers.contexts(null, RaftConfiguration.DATA_GROUP)).isEmpty();
		assertThat(RaftProbe.state(null, RaftConfiguration.DATA_GROUP)).isEqualTo(RaftServerState.UNKNOWN);
		assertThat(RaftServers.contexts(this.members.get("neo"), "no-such-group")).isEmpty();
		// A partition whose server was never opened has no server to read.
		RaftPartition unopened = new RaftPartition(PartitionId.from(RaftConfiguration.DATA_GROUP, 1),
				new RaftPartitionGroupConfig(), data.resolve("unopened").toFile(), null);
		assertThat(RaftServers.context(unopened)).isEmpty();
	}

	/**
	 * Exactly one of the given members leads the group, and every one of them agrees on
	 * who and when.
	 */
	private RaftServerState assertOneLeader(String group, List<String> names) {
		List<RaftServerState> states = names.stream()
			.map((name) -> RaftProbe.state(this.members.get(name), group))
			.toList();
		assertThat(states).as("%s roles", group).filteredOn((s) -> s.role() == RaftRole.LEADER).hasSize(1);
		assertThat(states).as("%s roles", group)
			.extracting(RaftServerState::role)
			.containsOnly(RaftRole.LEADER, RaftRole.FOLLOWER);
		RaftServerState leader = states.stream().filter((s) -> s.role() == RaftRole.LEADER).findFirst().orElseThrow();
		String leaderName = names.get(states.indexOf(leader));
		assertThat(states).as("%s leaders", group).extracting(RaftServerState::leader).containsOnly(leaderName);
		assertThat(states).as("%s terms", group).extracting(RaftServerState::term).containsOnly(leader.term());
		return leader;
	}

	/** A member laid out exactly as a node lays out its own. */
	private static Atomix member(PaxoshubProperties properties) {
		NodeIdentity node = new NodeIdentity(properties);
		return Atomix
			.builder(RaftConfiguration.member(node, data.resolve(node.name()), StorageLevel.MAPPED,
					properties.bindAddress()), AtomixFactory.registry())
			.build();
	}

}
