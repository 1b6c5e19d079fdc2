package dev.paxoshub.consensus.raft;

import java.net.ConnectException;
import java.util.Locale;
import java.util.stream.Stream;

import io.atomix.core.Atomix;
import io.atomix.protocols.raft.cluster.impl.DefaultRaftMember;
import io.atomix.protocols.raft.impl.RaftContext;
import io.atomix.protocols.raft.roles.FollowerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A leader whose Raft port refuses connections has crashed: its process is gone and the
 * kernel closed its port. A follower that meets such a refusal asks for a new leader at
 * once, instead of waiting out its election timeout (300 to 600 ms). Atomix does the same
 * when its membership protocol reports the leader removed, but that protocol takes
 * seconds to decide.
 * <p>
 * A paused, partitioned or slow leader does not refuse connections (they hang or time
 * out), so only a crash takes this path, and an early election is always safe in Raft:
 * the poll that starts it still needs a majority with logs as complete as the
 * candidate's.
 */
final class CrashedLeaders {

	private static final Logger log = LoggerFactory.getLogger(CrashedLeaders.class);

	private volatile Atomix atomix;

	void watch(Atomix member) {
		this.atomix = member;
	}

	/** Whether a message failed because nothing listens at the peer's port any more. */
	static boolean refused(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// Netty's connect timeout is a ConnectException too: only a refusal counts.
			if (cause instanceof ConnectException
					&& String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connection refused")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Every server of this member that follows {@code peer} forgets it as leader and
	 * polls the others for an election. Later refusals find no leader to forget, so a
	 * burst of them starts one poll per server.
	 */
	void refusedBy(String peer) {
		Atomix member = this.atomix;
		if (member == null) {
			return;
		}
		Stream.of(RaftConfiguration.SYSTEM_GROUP, RaftConfiguration.DATA_GROUP)
			.flatMap((group) -> RaftServers.contexts(member, group).stream())
			.forEach((context) -> context.getThreadContext().execute(() -> pollIfLedBy(context, peer)));
	}

	private static void pollIfLedBy(RaftContext context, String peer) {
		DefaultRaftMember leader = context.getLeader();
		if (leader == null || !leader.memberId().id().equals(peer)
				|| !(context.getRaftRole() instanceof FollowerRole follower)) {
			return;
		}
		log.info("{}: leader {} refuses connections; polling for a new leader now", context.getName(), peer);
		context.setLeader(null);
		RaftServers.callFollower(follower, "sendPollRequests", "poll for a new leader");
	}

}
