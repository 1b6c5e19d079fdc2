package dev.paxoshub.web;

import java.net.URI;
import java.util.List;

import dev.paxoshub.NodeWebMvcTest;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// Named, because the search upwards from this package would find NodeApplication, the whole node.
@NodeWebMvcTest(NodeStylesheet.class)
class NodeStylesheetTests {

	private static final String HEADER = "/* Written by the node from paxoshub.cluster.nodes. */\n";

	@Autowired
	private MockMvc mvc;

	/** The layout model is added for every controller, this one included. */

	@Test
	void theStylesheetGivesEveryNodeOfTheLayoutItsColour() throws Exception {
		this.mvc.perform(get(NodeStylesheet.PATH))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/css;charset=UTF-8"))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "max-age=3600"))
			.andExpect(header().exists(HttpHeaders.ETAG))
			.andExpect(content().string(HEADER + """
					.node-morpheus {
					  --node-color: #d1242f;
					}
					.node-neo {
					  --node-color: #1a7f37;
					}
					.node-trinity {
					  --node-color: #8250df;
					}
					"""));
	}

	@Test
	void aBrowserThatHasTheStylesheetKeepsIt() throws Exception {
		String etag = this.mvc.perform(get(NodeStylesheet.PATH)).andReturn().getResponse().getHeader(HttpHeaders.ETAG);

		this.mvc.perform(get(NodeStylesheet.PATH).header(HttpHeaders.IF_NONE_MATCH, etag))
			.andExpect(status().isNotModified())
			.andExpect(content().string(""));
	}

	@Test
	void aCacheableStylesheetCarriesNoCookieForACacheToKeep() throws Exception {
		this.mvc.perform(get(NodeStylesheet.PATH))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE));
	}

	@Test
	void shortAndLongHexColoursAreKeptAsConfigured() {
		assertThat(NodeStylesheet.css(List.of(node("neo", "#ABC"), node("Trinity", "#8250DF")))).isEqualTo(
				HEADER + ".node-neo {\n  --node-color: #ABC;\n}\n.node-trinity {\n  --node-color: #8250DF;\n}\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "red", "#12345", "#ggg", "#d1242f80", "rgb(209, 36, 47)", " #d1242f",
			"#d1242f; } body { display: none", "#fff\n}\nbody { background: url(https://elsewhere.example/) }" })
	void anythingButAHexColourIsPaintedGrey(String color) {
		assertThat(NodeStylesheet.css(List.of(node("neo", color))))
			.isEqualTo(HEADER + ".node-neo {\n  --node-color: " + NodeStylesheet.NEUTRAL + ";\n}\n");
	}

	@Test
	void aNameCannotEndItsSelectorEarly() {
		assertThat(NodeStylesheet.css(List.of(node("neo{}body", "#fff"), node("a b.c", "#fff"), node("x\ny", "#fff"))))
			.isEqualTo(HEADER + ".node-neo\\{\\}body {\n  --node-color: #fff;\n}\n"
					+ ".node-a\\ b\\.c {\n  --node-color: #fff;\n}\n" + ".node-x\\a y {\n  --node-color: #fff;\n}\n");
	}

	private static NodeAddress node(String name, String color) {
		return new NodeAddress(name, URI.create("http://127.0.0.1:8082"), color, 0);
	}

}
