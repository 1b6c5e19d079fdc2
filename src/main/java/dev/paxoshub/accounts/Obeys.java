package dev.paxoshub.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Bean Validation face of paxoshub's own rules, so that the sign-up page and the API
 * report the same sentence that the rule itself wrote.
 */
@Documented
@Constraint(validatedBy = Obeys.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface Obeys {

	Rule value();

	String message() default "This value is not allowed.";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	enum Rule {

		USERNAME(UsernameRules::violation), PASSWORD(PasswordRules::violation);

		private final Function<String, Optional<String>> check;

		Rule(Function<String, Optional<String>> check) {
			this.check = check;
		}

	}

	class Validator implements ConstraintValidator<Obeys, String> {

		private Rule rule;

		@Override
		public void initialize(Obeys annotation) {
			this.rule = annotation.value();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			Optional<String> violation = this.rule.check.apply(value);
			violation.ifPresent((message) -> {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(escape(message)).addConstraintViolation();
			});
			return violation.isEmpty();
		}

		/** Messages can quote user input, which must not be read as an expression. */
		private static String escape(String message) {
			return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
		}

	}

}
