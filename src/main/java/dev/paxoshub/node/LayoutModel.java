package dev.paxoshub.node;

import java.util.List;

import dev.paxoshub.consensus.Consensus;
import dev.paxoshub.node.PaxoshubProperties.NodeAddress;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared page layout shows on every page: who served it, who is signed in, the mode. */
@ControllerAdvice
class LayoutModel {

	private final NodeIdentity node;

	private final Consensus consensus;

	LayoutModel(NodeIdentity node, Consensus consensus) {
		this.node = node;
		this.consensus = consensus;
	}

	@ModelAttribute("servedBy")
	NodeAddress servedBy() {
		return this.node.self();
	}

	@ModelAttribute("nodes")
	List<NodeAddress> nodes() {
		return this.node.all();
	}

	@ModelAttribute("pinnedNode")
	String pinnedNode(@CookieValue(name = NodePin.COOKIE, required = false) String pinned) {
		return (pinned == null || pinned.isBlank()) ? "auto" : pinned;
	}

	@ModelAttribute("consensusMode")
	String consensusMode() {
		return this.consensus.mode().name();
	}

	@ModelAttribute("currentUser")
	String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
		return signedIn ? authentication.getName() : null;
	}

}
