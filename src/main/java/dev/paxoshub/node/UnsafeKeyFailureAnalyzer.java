package dev.paxoshub.node;

import java.util.Locale;

import dev.paxoshub.node.ClusterKey.UnsafeKeyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused key into Boot's short "APPLICATION FAILED TO START" report with what to
 * do.
 */
class UnsafeKeyFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeKeyException cause) {
		String property = cause.property();
		String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
		return new FailureAnalysis("paxoshub will not run on a key anybody could know: " + cause.getMessage(),
				"Set " + property + " (or the environment variable " + variable + ") to a random value of at least "
						+ ClusterKey.MIN_BYTES + " bytes, the same on every node and the front door, for example the "
						+ "output of: openssl rand -base64 48",
				cause);
	}

}
