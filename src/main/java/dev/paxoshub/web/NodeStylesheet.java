package dev.paxoshub.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each node's colour as a class, {@code .node-neo}, so that pages paint a node without an
 * inline style, which the site's Content-Security-Policy refuses. The colours come from
 * the cluster layout rather than from paxoshub.css because an operator may choose them.
 */
@Controller
class NodeStylesheet {

	static final String PATH = "/assets/nodes.css";

	/**
	 * Painted instead of a colour the layout gets wrong; the same grey as a node without
	 * one.
	 */
	static final String NEUTRAL = "#57606a";

	private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);

	// Nothing wider than a hex colour: any other CSS value could close the rule and add
	// its own.
	private static final Pattern HEX_COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

	private static final Logger log = LoggerFactory.getLogger(NodeStylesheet.class);

	private final String css;

	private final String etag;

	NodeStylesheet(PaxoshubProperties properties) {
		this.css = css(properties.cluster().nodes());
		this.etag = DigestUtils.md5DigestAsHex(this.css.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Every node of a cluster serves the same sheet, so the ETag lets a browser keep its
	 * copy whichever node the front door picks next.
	 */
	@GetMapping(PATH)
	ResponseEntity<String> stylesheet() {
		return ResponseEntity.ok()
			.contentType(CSS)
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
			.eTag(this.etag)
			.body(this.css);
	}

	static String css(List<NodeAddress> nodes) {
		StringBuilder css = new StringBuilder("/* Written by the node from paxoshub.cluster.nodes. */\n");
		for (NodeAddress node : nodes) {
			css.append(".node-")
				.append(identifier(node.name().toLowerCase(Locale.ROOT)))
				.append(" {\n  --node-color: ")
				.append(color(node))
				.append(";\n}\n");
		}
		return css.toString();
	}

	private static String color(NodeAddress node) {
		if (HEX_COLOR.matcher(node.color()).matches()) {
			return node.color();
		}
		log.warn("The colour of node {} is not #rgb or #rrggbb, so pages paint it grey", node.name());
		return NEUTRAL;
	}

	/**
	 * The name as the rest of a CSS identifier (it follows "node-"), escaped the way the
	 * CSSOM serialises one, so no name can end the selector early.
	 */
	static String identifier(String name) {
		StringBuilder escaped = new StringBuilder();
		name.codePoints().forEach((c) -> {
			if (c == 0) {
				escaped.append('\uFFFD');
			}
			else if (c < 0x20 || c == 0x7F) {
				escaped.append('\\').append(Integer.toHexString(c)).append(' ');
			}
			else if (c >= 0x80 || c == '-' || c == '_' || Character.isLetterOrDigit(c)) {
				escaped.appendCodePoint(c);
			}
			else {
				escaped.append('\\').appendCodePoint(c);
			}
		});
		return escaped.toString();
	}

}
