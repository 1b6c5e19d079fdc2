package dev.paxoshub.security;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.paxoshub.node.NodeKeysForTests;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.support.TestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class OperatorTests {

	private static final Map<String, String> KEYS = Map.of("cluster.key", "the-cluster-key-0123456789abcdefghij",
			"cluster.sign-in-key", "a-different-sign-in-key-0123456789");

	@Test
	void withoutAConfiguredPasswordOneIsMadeUpAndPrintedOnce(CapturedOutput output) {
		Operator operator = operator(Map.of());
		Matcher printed = Pattern.compile("Using generated operator password: (\\S+)").matcher(output.getOut());
		assertThat(printed.find()).as("the generated password in the log").isTrue();
		assertThat(printed.find()).as("printed once").isFalse();
		printed.reset().find();
		BcryptPasswords passwords = new BcryptPasswords();
		assertThat(passwords.matches(printed.group(1), operator.user().getPassword())).isTrue();
		assertThat(printed.group(1)).hasSizeGreaterThanOrEqualTo(32);
	}

	@Test
	void aConfiguredPasswordIsUsedAndNeverPrinted(CapturedOutput output) {
		Operator operator = operator(Map.of("admin.username", "keymaker", "admin.password", "open-every-door"));
		assertThat(output.getOut()).doesNotContain("open-every-door").doesNotContain("generated operator password");
		assertThat(operator.is("KeyMaker")).isTrue();
		assertThat(operator.is("admin")).isFalse();
		assertThat(new BcryptPasswords().matches("open-every-door", operator.user().getPassword())).isTrue();
		assertThat(operator.user().getAuthorities()).extracting("authority").containsExactly("ROLE_OPERATOR");
	}

	@Test
	void everyNodeBindsTheOperatorsCookieToTheSameFingerprintThoughEachHashesThePasswordItself() {
		Operator one = operator(Map.of("admin.password", "open-every-door"));
		Operator other = operator(Map.of("admin.password", "open-every-door"));
		assertThat(one.user().getPassword()).isNotEqualTo(other.user().getPassword());
		assertThat(one.user().cookieSecret()).isEqualTo(other.user().cookieSecret());
		assertThat(operator(Map.of("admin.password", "another-door")).user().cookieSecret())
			.isNotEqualTo(one.user().cookieSecret());
	}

	private static Operator operator(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(KEYS);
		all.put("node", "neo");
		all.putAll(settings);
		PaxoshubProperties properties = TestProperties.paxoshub(all);
		return new Operator(properties, new BcryptPasswords(), NodeKeysForTests.of(properties));
	}

}
