package dev.paxoshub.text;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	private static ValidatorFactory factory;

	private static Validator validator;

	@BeforeAll
	static void startValidation() {
		factory = Validation.buildDefaultValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void stopValidation() {
		factory.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Paxos Expert", "Zoë Lamport-Ōtsuka", "日本語の名前", "rocket 🚀 (a surrogate pair)",
			"  spaces\u00A0and a no-break space", "zero\u200Bwidth and right-to-left \u05D0" })
	void textAPersonTypesIsPlain(String text) {
		assertThat(violations(new Line(text))).isEmpty();
		assertThat(violations(new Lines(text))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nul\u0000", "\u001B[31mred", "bell\u0007", "delete\u007F", "next line\u0085",
			"line\nbreak", "carriage\rreturn", "tab\there" })
	void controlCharactersAreRefusedOnOneLine(String text) {
		assertThat(violations(new Line(text))).extracting(ConstraintViolation::getMessage)
			.containsExactly("A name cannot contain control characters or invalid Unicode.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "line\nbreak", "windows\r\nline", "tab\there", "\n\n# Title\n\n\tcode\n" })
	void lineBreaksAndTabsAreKeptInMultilineText(String text) {
		assertThat(violations(new Lines(text))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "nul\u0000", "\u001B[31mred", "form\ffeed", "next line\u0085" })
	void otherControlCharactersAreRefusedInMultilineTextToo(String text) {
		assertThat(violations(new Lines(text))).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\uD800", "high \uD83D alone", "low \uDE80 alone", "reversed \uDE80\uD83D pair" })
	void loneSurrogatesAreRefused(String text) {
		assertThat(violations(new Line(text))).hasSize(1);
		assertThat(violations(new Lines(text))).hasSize(1);
	}

	private static <T> Set<ConstraintViolation<T>> violations(T bean) {
		return validator.validate(bean);
	}

	record Line(@PlainText(message = "A name cannot contain control characters or invalid Unicode.") String text) {
	}

	record Lines(@PlainText(multiline = true) String text) {
	}

}
