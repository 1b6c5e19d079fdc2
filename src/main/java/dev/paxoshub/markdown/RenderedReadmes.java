package dev.paxoshub.markdown;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * READMEs as pages show them: rendered by {@link MarkdownRenderer} once per node, on
 * threads of their own, and never waited for longer than {@link #DEADLINE}. A README is
 * checked when it is written, so a new one that cannot be rendered is refused; one that
 * another node or an older paxoshub stored can still be beyond rendering, and shows a
 * short notice instead of failing the page.
 */
@Component
public class RenderedReadmes implements DisposableBean {

	/**
	 * READMEs are limited to this many bytes of UTF-8 so that even the worst one renders
	 * well within the deadline (the slowest measured at this size: about 0.4 s, 1.3 s on
	 * a cold JVM).
	 */
	public static final int MAX_BYTES = 64 * 1024;

	static final Duration DEADLINE = Duration.ofSeconds(2);

	static final String NOT_RENDERED = "<p class=\"readme-not-rendered\"><em>This README could not be rendered.</em></p>";

	static final String NOT_RENDERED_NOW = "<p class=\"readme-not-rendered\"><em>This README could not be rendered "
			+ "right now. Try again in a moment.</em></p>";

	/**
	 * A rendering that outlives its deadline keeps its thread until it ends (the parser
	 * cannot be interrupted), so only a few may run at once and the node's cores stay
	 * free for requests.
	 */
	private static final int RENDERERS = 4;

	/**
	 * Rendering recurses as deep as a README nests. The room costs address space only,
	 * and an overflow that still happens fails that README, not the thread serving the
	 * request.
	 */
	private static final long RENDERER_STACK_BYTES = 16L * 1024 * 1024;

	/**
	 * Characters of HTML kept, a few hundred typical READMEs; failures are kept too, at
	 * almost no cost.
	 */
	private static final long CACHED_CHARACTERS = 8L * 1024 * 1024;

	private final MarkdownRenderer renderer;

	private final ThreadPoolExecutor renderers;

	/**
	 * Asynchronous, so that a rendering in progress holds up readers of that README and
	 * no other.
	 */
	private final AsyncCache<String, Rendering> rendered = Caffeine.newBuilder()
		.maximumWeight(CACHED_CHARACTERS)
		.weigher((String digest, Rendering rendering) -> rendering.weight())
		.buildAsync();

	public RenderedReadmes(MarkdownRenderer renderer) {
		this.renderer = renderer;
		// No queue: a rendering starts at once or not at all, so the deadline measures
		// rendering
		// alone and a README is never judged by how long it waited behind others.
		this.renderers = new ThreadPoolExecutor(0, RENDERERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				renderingThreads());
	}

	/**
	 * The README's safe HTML, or a short notice, as HTML too, when it cannot be rendered.
	 */
	public String html(String markdown) {
		if (markdown == null) {
			return "";
		}
		Rendering rendering = rendering(markdown);
		if (rendering == null) {
			return NOT_RENDERED_NOW;
		}
		return (rendering.html() != null) ? rendering.html() : NOT_RENDERED;
	}

	/**
	 * Renders a README about to be stored, so that pages can show it later.
	 * @throws UnrenderableReadmeException if it cannot be rendered, or not right now
	 */
	public void check(String markdown) {
		if (markdown == null) {
			return;
		}
		Rendering rendering = rendering(markdown);
		if (rendering == null) {
			throw UnrenderableReadmeException.busy();
		}
		if (rendering.html() == null) {
			throw UnrenderableReadmeException.because(rendering.failure());
		}
	}

	/**
	 * @return null when every renderer was busy, which says nothing about this README and
	 * is not kept
	 */
	private Rendering rendering(String markdown) {
		return this.rendered.get(digest(markdown), (digest, executor) -> renderInTime(markdown)).join();
	}

	private CompletableFuture<Rendering> renderInTime(String markdown) {
		CompletableFuture<String> html;
		try {
			html = CompletableFuture.supplyAsync(() -> this.renderer.toSafeHtml(markdown), this.renderers);
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.completedFuture(null);
		}
		return html.orTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).handle(Rendering::of);
	}

	/**
	 * Keys are digests: a cache of 64 KB texts would hold their sources as well as their
	 * HTML.
	 */
	private static String digest(String markdown) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(markdown.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	private static ThreadFactory renderingThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(null, task, "readme-renderer-" + count.incrementAndGet(), RENDERER_STACK_BYTES);
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public void destroy() {
		this.renderers.shutdownNow();
	}

	/**
	 * @param html the safe HTML, or null if the README could not be rendered
	 * @param failure why not, as the end of a sentence
	 */
	private record Rendering(String html, String failure) {

		static Rendering of(String html, Throwable failure) {
			if (failure == null) {
				return new Rendering(html, null);
			}
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			if (cause instanceof TimeoutException) {
				return new Rendering(null, "it takes longer than " + DEADLINE.toSeconds() + " seconds to render");
			}
			return new Rendering(null,
					(cause instanceof StackOverflowError) ? "it is nested too deeply" : "the renderer cannot read it");
		}

		int weight() {
			return (this.html != null) ? Math.max(1, this.html.length()) : 1;
		}

	}

}
