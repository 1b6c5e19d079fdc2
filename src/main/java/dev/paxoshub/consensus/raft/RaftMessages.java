package dev.paxoshub.consensus.raft;

import io.atomix.protocols.raft.partition.impl.RaftNamespaces;
import io.atomix.protocols.raft.protocol.PollRequest;
import io.atomix.protocols.raft.protocol.PollResponse;
import io.atomix.protocols.raft.protocol.VoteRequest;
import io.atomix.protocols.raft.protocol.VoteResponse;
import io.atomix.utils.serializer.Serializer;

/**
 * What a message between members is, read from its Atomix subject
 * ({@code data-partition-1-vote}, {@code atomix-membership-probe}, ...) and, for votes
 * and polls, from the Raft message itself, decoded with the serializer Atomix's own Raft
 * servers use.
 */
final class RaftMessages {

	private static final Serializer RAFT = Serializer.using(RaftNamespaces.RAFT_PROTOCOL);

	private RaftMessages() {
	}

	static String kind(String subject) {
		if (subject.startsWith("atomix-")) {
			return "membership";
		}
		if (subject.endsWith("-append")) {
			return "append";
		}
		if (subject.endsWith("-vote")) {
			return "vote";
		}
		if (subject.endsWith("-poll")) {
			return "poll";
		}
		if (subject.endsWith("-command") || subject.endsWith("-query") || subject.endsWith("-keep-alive")
				|| subject.endsWith("-open") || subject.endsWith("-close") || subject.endsWith("-metadata")
				|| subject.contains("-publish-") || subject.contains("-reset-") || subject.endsWith("-heartbeat")) {
			return "client";
		}
		return "other";
	}

	/**
	 * Elections and appends are kept for the spacetime diagram; the rest is only counted.
	 */
	static boolean kept(String kind) {
		return "vote".equals(kind) || "poll".equals(kind) || "append".equals(kind);
	}

	/**
	 * The term a vote or poll request was sent in; null for the rest (appends are too
	 * many to decode).
	 */
	static Long term(String kind, byte[] request) {
		try {
			if ("vote".equals(kind)) {
				return RAFT.<VoteRequest>decode(request).term();
			}
			if ("poll".equals(kind)) {
				return RAFT.<PollRequest>decode(request).term();
			}
		}
		catch (RuntimeException ex) {
			// Not what this expected to decode: the diagram shows the message without its
			// term.
		}
		return null;
	}

	/**
	 * granted or denied for an answered vote or poll, ok for the rest, failed without an
	 * answer.
	 */
	static String outcome(String kind, Object answer, Throwable failure) {
		if (failure != null || answer == null) {
			return "failed";
		}
		try {
			if ("vote".equals(kind) && answer instanceof byte[] bytes) {
				return RAFT.<VoteResponse>decode(bytes).voted() ? "granted" : "denied";
			}
			if ("poll".equals(kind) && answer instanceof byte[] bytes) {
				return RAFT.<PollResponse>decode(bytes).accepted() ? "granted" : "denied";
			}
		}
		catch (RuntimeException ex) {
			return "ok";
		}
		return "ok";
	}

}
