package dev.paxoshub.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.node.NodeApplication;
import dev.paxoshub.support.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real node, because only a servlet container parses a multipart form the way a
 * browser's upload gets parsed: MockMvc hands the controller a form that is already read.
 */
@SpringBootTest(classes = NodeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class FormsTooLargeTests {

	private static final Path DATA = temporaryFolder();

	private static final int PORT = FreePorts.next();

	/**
	 * The node listens where the cluster layout says, so the layout names a free port.
	 */
	@DynamicPropertySource
	static void oneNodeWithoutRaft(DynamicPropertyRegistry properties) {
		properties.add("paxoshub.node", () -> "morpheus");
		properties.add("paxoshub.raft.enabled", () -> "false");
		properties.add("paxoshub.consensus", () -> "off");
		properties.add("paxoshub.data-dir", DATA::toString);
		properties.add("paxoshub.cluster.nodes[0].name", () -> "morpheus");
		properties.add("paxoshub.cluster.nodes[0].url", () -> "http://127.0.0.1:" + PORT);
		properties.add("paxoshub.cluster.key", () -> NodeWebMvcTest.CLUSTER_KEY);
		properties.add("paxoshub.cluster.sign-in-key", () -> NodeWebMvcTest.SIGN_IN_KEY);
		properties.add("logging.level.root", () -> "warn");
	}

	@AfterAll
	static void removeTheDatabase() throws IOException {
		FileSystemUtils.deleteRecursively(DATA);
	}

	/* Over the limit, but within what Tomcat reads and drops before it answers (2 MB). */
	@Test
	void aProfileFormOverTheUploadLimitGetsTheSitesOwnPageSayingWhy() throws Exception {
		String boundary = "paxoshub-boundary";
		ByteArrayOutputStream form = new ByteArrayOutputStream();
		form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"big.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		form.writeBytes(new byte[1536 * 1024]);
		form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/settings/profile"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
				.POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("That file is far too large: an avatar can be at most 1 MB.")
			.contains("Served by Morpheus");
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("paxoshub-forms-too-large-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
