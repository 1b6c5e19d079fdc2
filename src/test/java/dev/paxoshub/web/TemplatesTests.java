package dev.paxoshub.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page must hold under the site's Content-Security-Policy ({@code style-src 'self';
 * script-src 'self'}), which refuses inline styles, inline scripts and event handlers.
 */
class TemplatesTests {

	private static final Pattern INLINE_STYLE = Pattern.compile("(?i)[\\s:]style\\s*=|<style");

	private static final Pattern INLINE_SCRIPT = Pattern
		.compile("(?i)<script(?![^>]*\\ssrc\\s*=)|\\s(th:)?on[a-z]+\\s*=|javascript:");

	@Test
	void noTemplateNeedsUnsafeInline() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/**/*.html");
		assertThat(templates).as("templates on the classpath").hasSizeGreaterThan(10);
		for (Resource template : templates) {
			String html = template.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).as(template.getFilename()).doesNotContainPattern(INLINE_STYLE);
			assertThat(html).as(template.getFilename()).doesNotContainPattern(INLINE_SCRIPT);
		}
	}

}
