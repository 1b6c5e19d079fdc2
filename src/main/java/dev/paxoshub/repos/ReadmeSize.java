package dev.paxoshub.repos;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.paxoshub.markdown.RenderedReadmes;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A README fits in {@link RenderedReadmes#MAX_BYTES}, counted in bytes of UTF-8 as it is
 * stored and sent, not in characters; the message says how large the refused one is.
 */
@Documented
@Constraint(validatedBy = ReadmeSize.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface ReadmeSize {

	String message() default "A README can be at most 64 KB.";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ReadmeSize, String> {

		@Override
		public boolean isValid(String readme, ConstraintValidatorContext context) {
			if (readme == null) {
				return true;
			}
			int bytes = readme.getBytes(StandardCharsets.UTF_8).length;
			if (bytes <= RenderedReadmes.MAX_BYTES) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context
				.buildConstraintViolationWithTemplate(String.format(Locale.ROOT,
						"A README can be at most %d KB (%,d bytes of UTF-8); this one is %s KB.",
						RenderedReadmes.MAX_BYTES / 1024, RenderedReadmes.MAX_BYTES, kilobytes(bytes)))
				.addConstraintViolation();
			return false;
		}

		/** Rounded up, so that a README just over the limit never reads as "64.0 KB". */
		private static String kilobytes(int bytes) {
			return String.format(Locale.ROOT, "%.1f", Math.ceil(bytes * 10 / 1024.0) / 10);
		}

	}

}
