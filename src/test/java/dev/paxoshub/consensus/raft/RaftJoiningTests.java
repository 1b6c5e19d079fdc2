package dev.paxoshub.consensus.raft;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import dev.paxoshub.consensus.ConsensusUnavailableException;
import dev.paxoshub.node.Links;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.store.Account;
import dev.paxoshub.support.TestLayout;
import dev.paxoshub.support.TestProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A member whose peers have not come up yet is still joining its group: its node says
 * exactly that to a write or a read, not that it cannot reach a majority.
 */
class RaftJoiningTests {

	@TempDir
	Path data;

	private RaftMember member;

	@AfterEach
	void stop() {
		if (this.member != null) {
			this.member.stop();
		}
	}

	@Test
	void aNodeWhoseMemberIsStillJoiningSaysSoAndChangesNothing() {
		PaxoshubProperties properties = TestLayout.onFreePorts()
			.propertiesOf("neo", Map.of("data-dir", this.data.toString()));
		NodeIdentity node = new NodeIdentity(properties);
		this.member = new RaftMember(node, properties, TestProperties.raft(Map.of()),
				new StaticListableBeanFactory().getBeanProvider(AtomixFactory.class),
				new Links(node, Clock.systemUTC()));
		this.member.start();
		assertThat(this.member.state()).isEqualTo(RaftMember.State.JOINING);
		RaftConsensus consensus = new RaftConsensus(this.member, null, null, null, node);

		assertThatThrownBy(
				() -> consensus.register(Account.create("paxosexpert", "p@example.org", "hash", "neo", Instant.now())))
			.isInstanceOf(ConsensusUnavailableException.class)
			.hasMessage("Neo is still joining its Raft group; nothing was changed. Try again in a moment.");
		assertThatThrownBy(() -> consensus.resolve("paxosexpert")).isInstanceOf(ConsensusUnavailableException.class)
			.hasMessageStartingWith("Neo is still joining its Raft group");
		assertThat(consensus.status().writable()).isFalse();
	}

}
