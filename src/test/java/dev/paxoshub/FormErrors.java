package dev.paxoshub;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;

/** What a page form answered, as the person reads it: the sentences under each field. */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * The field has exactly these error messages (in any order), and no other field has
	 * any.
	 */
	public static ResultMatcher onlyFieldError(String form, String field, String... messages) {
		return (result) -> {
			BindingResult binding = bindingResult(result, form);
			assertThat(binding.getFieldErrors(field)).as("errors on %s.%s", form, field)
				.extracting(FieldError::getDefaultMessage)
				.containsExactlyInAnyOrder(messages);
			assertThat(binding.getAllErrors()).as("all errors of %s", form)
				.extracting(ObjectError::getDefaultMessage)
				.containsExactlyInAnyOrder(messages);
		};
	}

	/**
	 * The field has exactly these error messages (in any order); other fields may have
	 * errors too.
	 */
	public static ResultMatcher fieldError(String form, String field, String... messages) {
		return (result) -> assertThat(bindingResult(result, form).getFieldErrors(field))
			.as("errors on %s.%s", form, field)
			.extracting(FieldError::getDefaultMessage)
			.containsExactlyInAnyOrder(messages);
	}

	private static BindingResult bindingResult(MvcResult result, String form) {
		assertThat(result.getModelAndView()).as("model and view").isNotNull();
		Object binding = result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + form);
		assertThat(binding).as("binding result of %s", form).isInstanceOf(BindingResult.class);
		return (BindingResult) binding;
	}

}
