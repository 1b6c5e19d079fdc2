package dev.paxoshub.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text as a person types it: no control characters (Unicode's category Cc, such as NUL,
 * ESC or the C1 range), which pages cannot show and other programs may cut the text at,
 * and no lone surrogate, half a character that has no UTF-8 form. A multi-line field
 * keeps its line breaks and tabs.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	/** Whether newline, carriage return and tab are allowed. */
	boolean multiline() default false;

	String message() default "This text cannot contain control characters or invalid Unicode.";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, String> {

		private static final String LINE_BREAKS_AND_TABS = "\n\r\t";

		private boolean multiline;

		@Override
		public void initialize(PlainText annotation) {
			this.multiline = annotation.multiline();
		}

		/**
		 * {@link String#codePoints()} yields a lone surrogate as a code point of its own,
		 * a pair as one.
		 */
		@Override
		public boolean isValid(String text, ConstraintValidatorContext context) {
			return text == null || text.codePoints().allMatch(this::allowed);
		}

		private boolean allowed(int codePoint) {
			return switch (Character.getType(codePoint)) {
				case Character.SURROGATE -> false;
				case Character.CONTROL -> this.multiline && LINE_BREAKS_AND_TABS.indexOf(codePoint) >= 0;
				default -> true;
			};
		}

	}

}
