package dev.paxoshub.home;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.paxoshub.properties.ClusterObservation;
import dev.paxoshub.properties.NodeObservation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** How the home turns what it saw of a cluster into what the properties are judged on. */
class ClusterPropertiesTests {

	@Test
	void onlyNodesThatAnswerOnWholeLinksAndHaveJoinedTheirGroupCountAsConnected() {
		ClusterSnapshot seen = new ClusterSnapshot("on", URI.create("http://127.0.0.1:8280"), "ON", Instant.EPOCH,
				List.of(node("morpheus", "ON", "ready", List.of("slow by 200 ms")),
						node("neo", "ON", "joining", List.of()),
						node("trinity", "ON", "ready", List.of("cut off from Neo (both ways)"))));

		ClusterObservation observed = ClusterProperties.observation(seen, List.of());

		assertThat(observed.nodes()).extracting(NodeObservation::node, NodeObservation::connected)
			.containsExactly(tuple("morpheus", true), tuple("neo", false), tuple("trinity", false));
		assertThat(observed.faultsActive()).containsExactly("Morpheus: slow by 200 ms",
				"Trinity: cut off from Neo (both ways)");
	}

	@Test
	void withConsensusOffARaftMemberStillJoiningCutsNothingOff() {
		ClusterSnapshot seen = new ClusterSnapshot("off", URI.create("http://127.0.0.1:8180"), "OFF", Instant.EPOCH,
				List.of(node("morpheus", "OFF", "joining", List.of())));

		assertThat(ClusterProperties.observation(seen, List.of()).nodes().get(0).connected()).isTrue();
	}

	private static NodeSnapshot node(String name, String mode, String raftState, List<String> faults) {
		String display = Character.toUpperCase(name.charAt(0)) + name.substring(1);
		return new NodeSnapshot(name, display, "#1a7f37", URI.create("http://127.0.0.1:8282"), true, true, faults,
				false, false, mode, raftState, "follower", 1L, "neo", 3L, true, 0, List.of());
	}

}
