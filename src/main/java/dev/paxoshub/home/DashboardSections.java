package dev.paxoshub.home;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Renders each live section of a dashboard on its own, from the same fragments the page
 * is made of, so what the stream sends is what a reload would show. Rendered away from
 * any request: the fragments use no context-relative links and no forms.
 */
@Component
class DashboardSections {

	/** The template that holds the fragments, and the page's name for each section. */
	static final String TEMPLATE = "home/dashboard-sections";

	static final List<String> NAMES = List.of("nodes", "accounts", "timeline", "traffic", "properties");

	private final ITemplateEngine templates;

	DashboardSections(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** Each section's HTML, by name, in the order of {@link #NAMES}. */
	Map<String, String> render(Dashboard dashboard) {
		Context context = new Context(Locale.ENGLISH, Map.of("dash", dashboard));
		Map<String, String> sections = new LinkedHashMap<>();
		for (String name : NAMES) {
			sections.put(name, this.templates.process(TEMPLATE, Set.of(name), context));
		}
		return sections;
	}

}
