package dev.paxoshub.markdown;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

class MarkdownRendererTests {

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	@Test
	void rendersTheUsualReadme() {
		String html = this.renderer.toSafeHtml("""
				# paxosexpert

				Some **bold** and `code`, a [link](https://example.org) and a list:

				- one
				- two

				```java
				class Neo {}
				```
				""");
		assertThat(html).contains("<h1>paxosexpert</h1>")
			.contains("<strong>bold</strong>")
			.contains("<code>code</code>")
			.contains("<a href=\"https://example.org\"")
			.contains("<li>one</li>")
			.contains("<pre><code class=\"language-java\">class Neo {}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert('xss')</script>", "<img src=x onerror=alert(1)>",
			"[click](javascript:alert(1))", "<a href=\"javascript:alert(1)\">click</a>",
			"<iframe src=\"https://evil.example\"></iframe>", "<div onmouseover=\"alert(1)\">hover</div>",
			"<svg><script>alert(1)</script></svg>", "<style>body{display:none}</style>",
			"<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<form action=\"https://evil.example\"><input></form>" })
	void scriptsHandlersAndJavascriptLinksNeverSurvive(String payload) {
		String html = this.renderer.toSafeHtml("Hello\n\n" + payload + "\n");
		assertThat(html.toLowerCase()).doesNotContain("<script")
			.doesNotContain("onerror")
			.doesNotContain("onmouseover")
			.doesNotContain("javascript:")
			.doesNotContain("<iframe")
			.doesNotContain("<style")
			.doesNotContain("<form")
			.doesNotContain("<svg");
	}

	@Test
	void harmlessInlineHtmlStillFormats() {
		assertThat(this.renderer.toSafeHtml("<b>bold</b> and <em>em</em>")).contains("<b>bold</b>")
			.contains("<em>em</em>");
	}

	/*
	 * CommonMark before 0.30 took about 7 s here: each '<' looked for its end to the end
	 * of the text.
	 */
	@Test
	void aReadmeOfOpeningAnglesAsLargeAsAllowedRendersWithinTheDeadline() {
		String html = assertTimeout(RenderedReadmes.DEADLINE,
				() -> this.renderer.toSafeHtml("<".repeat(RenderedReadmes.MAX_BYTES)));
		assertThat(html).startsWith("<p>&lt;&lt;&lt;");
	}

	/*
	 * CommonMark before 0.30 nested one emphasis per pair of stars and overflowed the
	 * stack rendering them.
	 */
	@Test
	void emphasisNestedFarTooDeepIsShownAsTextInsteadOfOverflowingTheStack() {
		String html = this.renderer.toSafeHtml("*".repeat(50_000) + "paxos" + "*".repeat(50_000));
		assertThat(html).startsWith("<p>***").contains("paxos").doesNotContain("<em>");
	}

	@Test
	void anEmptyReadmeRendersNothing() {
		assertThat(this.renderer.toSafeHtml(null)).isEmpty();
		assertThat(this.renderer.toSafeHtml("  ")).isEmpty();
	}

}
