package dev.paxoshub.consensus.raft;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a refused connection tells of a crashed peer; a connection that times out, a
 * message dropped by chaos or any other failure says nothing about the process.
 */
class CrashedLeadersTests {

	@Test
	void aRefusedConnectionIsACrashWhereverAtomixWrapsIt() {
		// As Netty's epoll transport words it, seen in a node's log after a kill -9.
		ConnectException refused = new ConnectException(
				"finishConnect(..) failed with error(-111): Connection refused: /10.77.90.1:9591");
		assertThat(CrashedLeaders.refused(refused)).isTrue();
		assertThat(CrashedLeaders.refused(new CompletionException(refused))).isTrue();
		assertThat(CrashedLeaders.refused(new ConnectException("Connection refused"))).isTrue();
	}

	@Test
	void aTimeoutOrADropIsNoCrash() {
		assertThat(CrashedLeaders.refused(new ConnectTimeoutException("connection timed out: /127.0.0.1:9082")))
			.isFalse();
		assertThat(CrashedLeaders.refused(new ConnectException("link to neo cut by chaos"))).isFalse();
		assertThat(CrashedLeaders.refused(new IllegalStateException("Connection refused"))).isFalse();
		assertThat(CrashedLeaders.refused(null)).isFalse();
	}

}
