package dev.paxoshub;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.consensus.ConsensusMode;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.mockito.BDDMockito.given;

/**
 * Before every test of a node slice, the mocked {@link Consensus} says it is OFF, as a
 * node's pages need to know the mode; a test that wants ON says so itself.
 */
class ConsensusIsOff implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		Consensus consensus = SpringExtension.getApplicationContext(context).getBean(Consensus.class);
		given(consensus.mode()).willReturn(ConsensusMode.OFF);
	}

}
