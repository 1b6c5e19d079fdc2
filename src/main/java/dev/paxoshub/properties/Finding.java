package dev.paxoshub.properties;

/**
 * What one property's check found in one look, before the check as a whole dates it.
 *
 * @param holds whether the property holds
 * @param evidence the sentence for the dashboard
 * @param breach when it does not hold, the same finding told in the past tense and
 * without its full stop, for safety to quote later ("paxosexpert stood for 2 different
 * accounts"); null when it holds, and for safety and liveness themselves
 */
record Finding(boolean holds, String evidence, String breach) {

	static Finding holds(String evidence) {
		return new Finding(true, evidence, null);
	}

	static Finding broken(String evidence, String breach) {
		return new Finding(false, evidence, breach);
	}

	/** For safety and liveness, which safety never quotes. */
	static Finding broken(String evidence) {
		return new Finding(false, evidence, null);
	}

}
