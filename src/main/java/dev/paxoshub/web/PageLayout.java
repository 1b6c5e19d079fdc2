package dev.paxoshub.web;

import java.util.HashMap;
import java.util.Map;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.node.NodeIdentity;
import dev.paxoshub.node.PaxoshubProperties;
import dev.paxoshub.node.SiteCookies;
import dev.paxoshub.security.Operator;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * What the shared page layout shows on every page, error pages included: who served it,
 * who is signed in, which node is pinned and which consensus mode is on.
 */
@Component
public class PageLayout {

	private final NodeIdentity node;

	private final Consensus consensus;

	private final PaxoshubProperties properties;

	PageLayout(NodeIdentity node, Consensus consensus, PaxoshubProperties properties) {
		this.node = node;
		this.consensus = consensus;
		this.properties = properties;
	}

	public Map<String, Object> attributes(HttpServletRequest request) {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put("servedBy", this.node.self());
		attributes.put("nodes", this.node.all());
		attributes.put("pinnedNode", pinnedNode(request));
		attributes.put("clusterName", this.properties.cluster().name());
		attributes.put("consensusMode", this.consensus.mode().name());
		Authentication signedIn = signedIn();
		attributes.put("currentUser", (signedIn != null) ? signedIn.getName() : null);
		attributes.put("operator", Operator.is(signedIn));
		return attributes;
	}

	private String pinnedNode(HttpServletRequest request) {
		Cookie pinned = WebUtils.getCookie(request, this.properties.cluster().cookie(SiteCookies.PIN));
		return (pinned == null || pinned.getValue().isBlank()) ? "auto" : pinned.getValue();
	}

	private static Authentication signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return signedIn ? authentication : null;
	}

}
