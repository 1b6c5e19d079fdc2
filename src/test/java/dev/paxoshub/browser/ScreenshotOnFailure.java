package dev.paxoshub.browser;

import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Saves what the browser showed when a test failed, as
 * {@code target/screenshots/<test>.png} with the page's HTML next to it. It runs right
 * after the test method, before {@code @AfterEach} closes the browser.
 */
final class ScreenshotOnFailure implements AfterTestExecutionCallback {

	static final Path FOLDER = Path.of("target", "screenshots");

	private final Supplier<Browser> browser;

	ScreenshotOnFailure(Supplier<Browser> browser) {
		this.browser = browser;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		Browser current = this.browser.get();
		if (context.getExecutionException().isEmpty() || current == null) {
			return;
		}
		String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
		Path file = FOLDER.resolve(name + ".png");
		try {
			current.screenshot(file);
			System.err.println("Screenshot of the failed test: " + file.toAbsolutePath());
		}
		catch (Exception ex) {
			context.getExecutionException().get().addSuppressed(ex);
		}
	}

}
