package dev.paxoshub.accounts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameRulesTests {

	@ParameterizedTest
	@ValueSource(strings = { "paxosexpert", "PaxosExpert", "a", "A1", "neo-2", "x-y-z", "trinity99",
			"abcdefghijabcdefghijabcdefghijabcdefghi" })
	void acceptsGitHubStyleNames(String username) {
		assertThat(UsernameRules.violation(username)).isEmpty();
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			''                                        | Choose a username.
			abcdefghijabcdefghijabcdefghijabcdefghij  | at most 39 characters
			paxos_expert                              | only letters (a-z), digits and hyphens
			paxos.expert                              | only letters (a-z), digits and hyphens
			'paxos expert'                            | only letters (a-z), digits and hyphens
			pâxos                                     | only letters (a-z), digits and hyphens
			-paxos                                    | cannot begin or end with a hyphen
			paxos-                                    | cannot begin or end with a hyphen
			paxos--expert                             | two hyphens in a row
			login                                     | is reserved
			Cluster                                   | is reserved
			API                                       | is reserved
			join                                      | is reserved
			settings                                  | is reserved
			""")
	void refusesWithAMessageThatNamesTheRule(String username, String expected) {
		assertThat(UsernameRules.violation(username))
			.hasValueSatisfying((message) -> assertThat(message).contains(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "short", "" })
	void passwordsShorterThanEightAreRefused(String password) {
		assertThat(PasswordRules.violation(password)).isPresent();
	}

	@ParameterizedTest
	@CsvSource({ "correct-horse,true", "ééééééééééééééééééééééééééééééééééééé,false" })
	void passwordsLongerThanBcryptCanHoldAreRefused(String password, boolean accepted) {
		assertThat(PasswordRules.violation(password).isEmpty()).isEqualTo(accepted);
	}

}
