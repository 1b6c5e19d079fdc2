package dev.paxoshub.consensus.raft;

import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import dev.paxoshub.node.Links;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.support.TestProperties;
import dev.paxoshub.support.TestLayout;
import io.atomix.cluster.messaging.ManagedMessagingService;
import io.atomix.cluster.messaging.MessagingService;
import io.atomix.core.Atomix;
import io.atomix.core.AtomixConfig;
import io.atomix.utils.net.Address;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seam the chaos controls build on: three {@link RaftMember}s whose Atomix comes from
 * an {@link AtomixFactory} that hands Atomix its own messaging service. Cutting a member
 * off in that service is a real partition for Raft: the other two go on writing, the
 * cut-off member cannot, and it catches up once the cut heals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class AtomixFactoryTests {

	private static final List<String> NAMES = TestLayout.NODES;

	@TempDir
	static Path data;

	private final Map<String, RaftMember> members = new LinkedHashMap<>();

	private final Map<String, GatedMessaging> gates = new ConcurrentHashMap<>();

	private final Map<String, Address> addresses = new LinkedHashMap<>();

	private final ch.qos.logback.classic.Logger atomixLog = (ch.qos.logback.classic.Logger) LoggerFactory
		.getLogger("io.atomix");

	private Level atomixLevel;

	@BeforeAll
	void startThreeMembersWithGatedMessaging() {
		this.atomixLevel = this.atomixLog.getLevel();
		// The cut makes every Raft server warn of unreachable peers, as it should.
		this.atomixLog.setLevel(Level.ERROR);
		TestLayout layout = TestLayout.onFreePorts();
		layout.nodes().forEach((node) -> this.addresses.put(node.name(), Address.from("127.0.0.1", node.raftPort())));
		RaftSettings raft = TestProperties.raft(Map.of("start-timeout", "60s"));
		for (String name : NAMES) {
			PaxoshubProperties properties = layout.propertiesOf(name, Map.of("data-dir", data.toString()));
			StaticListableBeanFactory beans = new StaticListableBeanFactory();
			beans.addBean("atomixFactory", (AtomixFactory) (config) -> GatedAtomix.create(config, name, this.gates));
			NodeIdentity node = new NodeIdentity(properties);
			RaftMember member = new RaftMember(node, properties, raft, beans.getBeanProvider(AtomixFactory.class),
					new Links(node, Clock.systemUTC()));
			this.members.put(name, member);
			member.start();
		}
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(this.members.values()).allMatch(RaftMember::seesMajority));
	}

	@AfterAll
	void stopMembers() {
		this.gates.values().forEach(GatedMessaging::heal);
		this.members.values().forEach(RaftMember::stop);
		this.atomixLog.setLevel(this.atomixLevel);
	}

	@Test
	@Order(1)
	void everyMemberTalksThroughTheMessagingServiceHandedIn() throws Exception {
		this.members.get("morpheus").accounts().put("seam", "through the gate").get(10, TimeUnit.SECONDS);

		assertThat(this.gates).containsOnlyKeys(NAMES);
		this.gates.forEach((name, gate) -> assertThat(gate.sent.get()).as("messages sent by %s", name).isPositive());
		assertThat(this.members.get("trinity").accounts().get("seam").get(10, TimeUnit.SECONDS).value())
			.isEqualTo("through the gate");
	}

	@Test
	@Order(2)
	void aMemberCutOffInItsMessagingCannotWriteWhileTheOthersCanAndCatchesUpWhenHealed() throws Exception {
		Address trinity = this.addresses.get("trinity");
		this.gates.get("trinity").cut(this.addresses.values());
		this.gates.get("morpheus").cut(List.of(trinity));
		this.gates.get("neo").cut(List.of(trinity));

		// The majority side writes again once it has (re-)elected a leader between the
		// two of them.
		await().atMost(Duration.ofSeconds(20))
			.ignoreExceptions()
			.untilAsserted(() -> this.members.get("morpheus")
				.accounts()
				.put("during-cut", "written by the majority")
				.get(2, TimeUnit.SECONDS));
		CompletableFuture<?> alone = this.members.get("trinity").accounts().put("alone", "written by the minority");
		Thread.sleep(3000);
		assertThat(alone).as("a write through the cut-off member").isNotCompleted();
		assertThat(this.gates.get("trinity").refused.get()).as("messages trinity could not send").isPositive();

		this.gates.values().forEach(GatedMessaging::heal);
		await().atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(
					this.members.get("trinity").accounts().get("during-cut").get(2, TimeUnit.SECONDS).value())
				.isEqualTo("written by the majority"));
	}

	/** Atomix with the messaging service it would build anyway, wrapped in a gate. */
	static final class GatedAtomix extends Atomix {

		private GatedAtomix(AtomixConfig config, GatedMessaging messaging) {
			super(config, AtomixFactory.registry(), messaging, buildUnicastService(config.getClusterConfig()),
					buildBroadcastService(config.getClusterConfig()));
		}

		static GatedAtomix create(AtomixConfig config, String name, Map<String, GatedMessaging> gates) {
			GatedMessaging gate = new GatedMessaging(buildMessagingService(config.getClusterConfig()));
			gates.put(name, gate);
			return new GatedAtomix(config, gate);
		}

	}

	/** Passes messages on, except to the addresses it has been told to cut off. */
	static final class GatedMessaging implements ManagedMessagingService {

		private final ManagedMessagingService delegate;

		private final Set<Address> cut = ConcurrentHashMap.newKeySet();

		final AtomicLong sent = new AtomicLong();

		final AtomicLong refused = new AtomicLong();

		GatedMessaging(ManagedMessagingService delegate) {
			this.delegate = delegate;
		}

		void cut(Iterable<Address> addresses) {
			addresses.forEach((address) -> {
				if (!address.equals(this.delegate.address())) {
					this.cut.add(address);
				}
			});
		}

		void heal() {
			this.cut.clear();
		}

		private <T> CompletableFuture<T> pass(Address to, Supplier<CompletableFuture<T>> send) {
			if (this.cut.contains(to)) {
				this.refused.incrementAndGet();
				return CompletableFuture.failedFuture(new ConnectException("cut off by the test: " + to));
			}
			this.sent.incrementAndGet();
			return send.get();
		}

		@Override
		public Address address() {
			return this.delegate.address();
		}

		@Override
		public CompletableFuture<Void> sendAsync(Address address, String type, byte[] payload, boolean keepAlive) {
			return pass(address, () -> this.delegate.sendAsync(address, type, payload, keepAlive));
		}

		@Override
		public CompletableFuture<byte[]> sendAndReceive(Address address, String type, byte[] payload,
				boolean keepAlive) {
			return pass(address, () -> this.delegate.sendAndReceive(address, type, payload, keepAlive));
		}

		@Override
		public CompletableFuture<byte[]> sendAndReceive(Address address, String type, byte[] payload, boolean keepAlive,
				Executor executor) {
			return pass(address, () -> this.delegate.sendAndReceive(address, type, payload, keepAlive, executor));
		}

		@Override
		public CompletableFuture<byte[]> sendAndReceive(Address address, String type, byte[] payload, boolean keepAlive,
				Duration timeout) {
			return pass(address, () -> this.delegate.sendAndReceive(address, type, payload, keepAlive, timeout));
		}

		@Override
		public CompletableFuture<byte[]> sendAndReceive(Address address, String type, byte[] payload, boolean keepAlive,
				Duration timeout, Executor executor) {
			return pass(address,
					() -> this.delegate.sendAndReceive(address, type, payload, keepAlive, timeout, executor));
		}

		@Override
		public void registerHandler(String type, BiConsumer<Address, byte[]> handler, Executor executor) {
			this.delegate.registerHandler(type, handler, executor);
		}

		@Override
		public void registerHandler(String type, BiFunction<Address, byte[], byte[]> handler, Executor executor) {
			this.delegate.registerHandler(type, handler, executor);
		}

		@Override
		public void registerHandler(String type, BiFunction<Address, byte[], CompletableFuture<byte[]>> handler) {
			this.delegate.registerHandler(type, handler);
		}

		@Override
		public void unregisterHandler(String type) {
			this.delegate.unregisterHandler(type);
		}

		@Override
		public CompletableFuture<MessagingService> start() {
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

	}

}
