package dev.paxoshub.consensus.raft;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.atomix.cluster.messaging.MessagingException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The one way this node waits for a Raft operation: within the operation timeout, never
 * longer. While it waits, the member's client is asked every resend interval to resend to
 * the current leader, so a failover costs the election, not Atomix's retry pauses. An
 * operation refused because the member it reached has no Raft handler any more (a member
 * that is stopping) never got in, so it is sent again, after a resend interval, within
 * the same deadline. A member that loses sight of its majority while it waits stops
 * waiting.
 */
@Component
@ConditionalOnProperty(name = "paxoshub.raft.enabled", havingValue = "true", matchIfMissing = true)
class RaftCalls {

	private final RaftMember member;

	private final Duration timeout;

	private final Duration resendAfter;

	private final Executor afterResendInterval;

	RaftCalls(RaftMember member, RaftSettings settings) {
		this.member = member;
		this.timeout = settings.operationTimeout();
		this.resendAfter = settings.resendAfter();
		this.afterResendInterval = CompletableFuture.delayedExecutor(this.resendAfter.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * @throws TimeoutException when the operation was not answered in time, or failed the
	 * way Atomix reports lost sessions and unreachable leaders: either way nobody can
	 * tell whether it was applied
	 */
	<T> T await(Supplier<CompletableFuture<T>> operation) throws TimeoutException {
		RaftSession session = this.member.session();
		long deadline = System.nanoTime() + this.timeout.toNanos();
		CompletableFuture<T> pending = operation.get();
		while (true) {
			long left = deadline - System.nanoTime();
			try {
				T result = pending.get(Math.max(0, Math.min(left, this.resendAfter.toNanos())), TimeUnit.NANOSECONDS);
				if (session != null) {
					session.answered();
				}
				return result;
			}
			catch (TimeoutException ex) {
				if (System.nanoTime() - deadline >= 0) {
					throw unanswered(session, "no answer within " + this.timeout.toMillis() + " ms");
				}
				// No use waiting out the deadline for peers that went silent.
				if (!this.member.seesMajority()) {
					throw unanswered(session, "lost sight of a majority while waiting");
				}
				if (session != null) {
					session.resendPending();
				}
			}
			catch (ExecutionException ex) {
				if (!neverDelivered(ex.getCause()) || deadline - System.nanoTime() <= this.resendAfter.toNanos()) {
					throw unanswered(session, ex.getCause().toString());
				}
				pending = CompletableFuture.supplyAsync(operation, this.afterResendInterval)
					.thenCompose((again) -> again);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new TimeoutException("interrupted");
			}
		}
	}

	private TimeoutException unanswered(RaftSession session, String why) {
		if (session != null) {
			session.unanswered(this.member::seesMajority);
		}
		return new TimeoutException(why);
	}

	private static boolean neverDelivered(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MessagingException.NoRemoteHandler) {
				return true;
			}
		}
		return false;
	}

}
