package dev.paxoshub.checker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTextTests {

	@Test
	void anUnknownVerdictSaysSoAndNamesTheUndecidedName() {
		assertThat(VerdictText.lines(RunReportTests.history(), RunReportTests.unknownVerdict()))
			.contains("consensus on: UNKNOWN",
					"  duplicates 0, lost acknowledged writes 0, stale reads 0, keys not linearizable 0 of 2"
							+ " (undecided 1)")
			.anySatisfy((line) -> assertThat(line).startsWith("    undecided: bob: The search gave up"));
	}

}
