package dev.paxoshub.markdown;

import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import org.springframework.stereotype.Component;

/**
 * Renders a README the way a code host does: CommonMark to HTML, then through an
 * allow-list sanitiser, so raw HTML in a README can format text but never run script.
 */
@Component
public class MarkdownRenderer {

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().build();

	private final PolicyFactory policy = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.IMAGES)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "del", "details", "summary")
			.allowAttributes("class")
			.matching(Pattern.compile("language-[A-Za-z0-9_+-]+"))
			.onElements("code")
			.toFactory());

	public String toSafeHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		return this.policy.sanitize(this.renderer.render(this.parser.parse(markdown)));
	}

}
