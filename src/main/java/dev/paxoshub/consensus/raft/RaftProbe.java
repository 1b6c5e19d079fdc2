package dev.paxoshub.consensus.raft;

import java.util.Locale;

import dev.paxoshub.consensus.RaftRole;
import io.atomix.core.Atomix;
import io.atomix.protocols.raft.RaftServer;
import io.atomix.protocols.raft.cluster.impl.DefaultRaftMember;
import io.atomix.protocols.raft.impl.RaftContext;

/**
 * Reads the Raft servers inside an Atomix member as they see themselves, and changes
 * nothing (the levers are {@link RaftTuner}'s).
 */
public final class RaftProbe {

	private RaftProbe() {
	}

	/**
	 * The state of the first partition of the named group, or
	 * {@link RaftServerState#UNKNOWN}.
	 */
	public static RaftServerState state(Atomix atomix, String group) {
		return RaftServers.contexts(atomix, group)
			.stream()
			.findFirst()
			.map(RaftProbe::state)
			.orElse(RaftServerState.UNKNOWN);
	}

	static RaftServerState state(RaftContext context) {
		try {
			RaftServer.Role role = context.getRole();
			DefaultRaftMember leader = context.getLeader();
			return new RaftServerState(context.getName(), role(role), context.getTerm(),
					(leader != null) ? leader.memberId().id() : null, context.getCommitIndex(),
					context.getLastApplied(), context.getElectionTimeout(), context.getHeartbeatInterval());
		}
		catch (RuntimeException ex) {
			RaftServers.reportOnce("state", ex);
			return RaftServerState.UNKNOWN;
		}
	}

	static RaftRole role(RaftServer.Role role) {
		return (role != null) ? RaftRole.valueOf(role.name().toUpperCase(Locale.ROOT)) : null;
	}

}
