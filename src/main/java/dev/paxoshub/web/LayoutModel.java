package dev.paxoshub.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the {@link PageLayout} attributes into the model of every page a controller
 * renders.
 */
@ControllerAdvice
class LayoutModel {

	private final PageLayout layout;

	LayoutModel(PageLayout layout) {
		this.layout = layout;
	}

	@ModelAttribute
	void layout(Model model, HttpServletRequest request) {
		model.addAllAttributes(this.layout.attributes(request));
	}

}
