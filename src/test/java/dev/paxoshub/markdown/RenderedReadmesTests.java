package dev.paxoshub.markdown;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RenderedReadmesTests {

	private final AtomicInteger renderings = new AtomicInteger();

	private RenderedReadmes readmes;

	@AfterEach
	void stopTheRenderers() {
		this.readmes.destroy();
	}

	@Test
	void aReadmeIsRenderedOnceAndThenServedAsItWasRendered() {
		this.readmes = new RenderedReadmes(counting(new MarkdownRenderer()));

		String first = this.readmes.html("# Hello\n\n<script>alert(1)</script>");
		String second = this.readmes.html("# Hello\n\n<script>alert(1)</script>");

		assertThat(first).contains("<h1>Hello</h1>").doesNotContain("<script");
		assertThat(second).isEqualTo(first);
		assertThat(this.renderings).hasValue(1);
	}

	@Test
	void aReadmeThatOverflowsTheStackShowsANoticeAndIsRefusedWhenWritten() {
		this.readmes = new RenderedReadmes(failing(() -> {
			throw new StackOverflowError();
		}));

		assertThat(this.readmes.html("deep")).isEqualTo(RenderedReadmes.NOT_RENDERED);
		assertThatExceptionOfType(UnrenderableReadmeException.class).isThrownBy(() -> this.readmes.check("deep"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getBody().getDetail())
					.isEqualTo("This README cannot be shown: it is nested too deeply. Simplify it and try again.");
			});
		assertThat(this.renderings).as("a failure is remembered like a success").hasValue(1);
	}

	@Test
	void aRendererThatFailsInAnyOtherWayIsACannotRenderToo() {
		this.readmes = new RenderedReadmes(failing(() -> {
			throw new IllegalStateException("a bug in a library");
		}));

		assertThat(this.readmes.html("odd")).isEqualTo(RenderedReadmes.NOT_RENDERED);
		assertThatExceptionOfType(UnrenderableReadmeException.class).isThrownBy(() -> this.readmes.check("odd"))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail())
				.isEqualTo("This README cannot be shown: the renderer cannot read it. Simplify it and try again."));
	}

	@Test
	void aReadmeThatRendersPastTheDeadlineIsGivenUpOnAtTheDeadline() {
		this.readmes = new RenderedReadmes(sleeping(Duration.ofSeconds(30)));

		long started = System.nanoTime();
		String html = this.readmes.html("slow");
		Duration waited = Duration.ofNanos(System.nanoTime() - started);

		assertThat(html).isEqualTo(RenderedReadmes.NOT_RENDERED);
		assertThat(waited).isBetween(RenderedReadmes.DEADLINE, RenderedReadmes.DEADLINE.plusSeconds(1));
		assertThatExceptionOfType(UnrenderableReadmeException.class).isThrownBy(() -> this.readmes.check("slow"))
			.satisfies((ex) -> assertThat(ex.getBody().getDetail()).isEqualTo(
					"This README cannot be shown: it takes longer than 2 seconds to render. Simplify it and try again."));
		assertThat(this.renderings).hasValue(1);
	}

	@Test
	void whileEveryRendererIsBusyAReadmeIsNeitherShownNorHeldAgainstIt() throws Exception {
		CountDownLatch rendering = new CountDownLatch(4);
		CountDownLatch release = new CountDownLatch(1);
		this.readmes = new RenderedReadmes(new MarkdownRenderer() {
			@Override
			public String toSafeHtml(String markdown) {
				if (markdown.startsWith("busy")) {
					rendering.countDown();
					await(release);
				}
				return super.toSafeHtml(markdown);
			}
		});
		ExecutorService readers = Executors.newFixedThreadPool(4);
		try {
			CompletableFuture<?>[] busy = IntStream.range(0, 4)
				.mapToObj((i) -> CompletableFuture.runAsync(() -> this.readmes.html("busy " + i), readers))
				.toArray(CompletableFuture[]::new);
			assertThat(rendering.await(10, TimeUnit.SECONDS)).as("four renderings under way").isTrue();

			assertThat(this.readmes.html("*hi*")).isEqualTo(RenderedReadmes.NOT_RENDERED_NOW);
			assertThatExceptionOfType(UnrenderableReadmeException.class).isThrownBy(() -> this.readmes.check("*hi*"))
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));

			release.countDown();
			CompletableFuture.allOf(busy).get(10, TimeUnit.SECONDS);
			assertThat(this.readmes.html("*hi*")).isEqualTo("<p><em>hi</em></p>\n");
		}
		finally {
			release.countDown();
			readers.shutdownNow();
		}
	}

	private MarkdownRenderer counting(MarkdownRenderer renderer) {
		return new MarkdownRenderer() {
			@Override
			public String toSafeHtml(String markdown) {
				RenderedReadmesTests.this.renderings.incrementAndGet();
				return renderer.toSafeHtml(markdown);
			}
		};
	}

	private MarkdownRenderer failing(Runnable failure) {
		return new MarkdownRenderer() {
			@Override
			public String toSafeHtml(String markdown) {
				RenderedReadmesTests.this.renderings.incrementAndGet();
				failure.run();
				return "";
			}
		};
	}

	private MarkdownRenderer sleeping(Duration time) {
		return new MarkdownRenderer() {
			@Override
			public String toSafeHtml(String markdown) {
				RenderedReadmesTests.this.renderings.incrementAndGet();
				await(new CountDownLatch(1), time);
				return "";
			}
		};
	}

	private static void await(CountDownLatch latch) {
		await(latch, Duration.ofSeconds(10));
	}

	private static void await(CountDownLatch latch, Duration time) {
		try {
			latch.await(time.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
