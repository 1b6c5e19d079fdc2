package dev.paxoshub.chaos;

import dev.paxoshub.node.Links;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What crossed this node's links: counts by peer, kind and fate, and the recent messages.
 */
@RestController
class TrafficController {

	private final Links links;

	TrafficController(Links links) {
		this.links = links;
	}

	@GetMapping("/api/node/traffic")
	Links.Traffic traffic() {
		return this.links.traffic();
	}

}
