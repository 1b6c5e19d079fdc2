package dev.paxoshub.checker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/check.sh} reads the verdict from the exit status: an undecided run must
 * read neither as valid nor as one that found anomalies.
 */
class FaultRunCommandTests {

	@Test
	void eachVerdictExitsWithItsOwnStatus() {
		assertThat(FaultRunCommand.exitStatus(Verdict.Validity.VALID)).isZero();
		assertThat(FaultRunCommand.exitStatus(Verdict.Validity.INVALID)).isEqualTo(1);
		assertThat(FaultRunCommand.exitStatus(Verdict.Validity.UNKNOWN)).isEqualTo(3);
	}

}
