package dev.paxoshub.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.paxoshub.frontdoor.FrontDoorApplication;
import dev.paxoshub.node.ClusterKey;
import dev.paxoshub.node.ClusterKey.UnsafeKeyException;
import dev.paxoshub.node.NodeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A node or a front door started on its own never runs with a key anybody could know: it
 * stops at start and names the property to set. (The one-JVM demo makes fresh keys
 * itself.)
 */
class KeyRefusalTests {

	private static final String GOOD_KEY = ClusterKey.random();

	@TempDir
	Path data;

	@ParameterizedTest
	@ValueSource(strings = { "", "paxoshub-demo-secret-change-me", "only-twenty-nine-bytes-long-x" })
	void aNodeRefusesToStartWithoutAUsableClusterKey(String key) {
		Throwable failure = catchThrowable(
				() -> startNode("--paxoshub.cluster.key=" + key, "--paxoshub.cluster.sign-in-key=" + GOOD_KEY));
		assertThat(unsafeKey(failure)).isNotNull()
			.satisfies((refusal) -> assertThat(refusal.property()).isEqualTo("paxoshub.cluster.key"));
	}

	@Test
	void aNodeRefusesToStartWithoutASignInKeyOfItsOwn() {
		assertThat(unsafeKey(catchThrowable(() -> startNode("--paxoshub.cluster.key=" + GOOD_KEY))).property())
			.isEqualTo("paxoshub.cluster.sign-in-key");
		assertThat(unsafeKey(catchThrowable(
				() -> startNode("--paxoshub.cluster.key=" + GOOD_KEY, "--paxoshub.cluster.sign-in-key=" + GOOD_KEY)))
			.getMessage()).contains("the same as paxoshub.cluster.key");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "paxoshub-demo-secret-change-me", "short" })
	void aFrontDoorRefusesToStartWithoutAUsableClusterKey(String key) {
		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(FrontDoorApplication.class)
			.run("--paxoshub.role=front-door", "--server.port=0", "--paxoshub.cluster.key=" + key,
					"--logging.level.root=off")
			.close());
		assertThat(unsafeKey(failure)).isNotNull()
			.satisfies((refusal) -> assertThat(refusal.property()).isEqualTo("paxoshub.cluster.key"));
	}

	private void startNode(String... keys) {
		List<String> args = new ArrayList<>(List.of("--paxoshub.role=node", "--paxoshub.node=morpheus",
				"--paxoshub.raft.enabled=false", "--paxoshub.consensus=off", "--paxoshub.data-dir=" + this.data,
				"--paxoshub.cluster.nodes[0].name=morpheus", "--paxoshub.cluster.nodes[0].url=http://127.0.0.1:0",
				"--logging.level.root=off"));
		args.addAll(List.of(keys));
		new SpringApplicationBuilder(NodeApplication.class).run(args.toArray(String[]::new)).close();
	}

	private static UnsafeKeyException unsafeKey(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnsafeKeyException refusal) {
				return refusal;
			}
		}
		return null;
	}

}
