package dev.paxoshub.frontdoor;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.paxoshub.node.SiteCookies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The nodes, read from the same {@code paxoshub.cluster.nodes} list the nodes themselves
 * use, so that one layout describes the whole cluster.
 *
 * @param nodes every node the front door may send a request to
 * @param name the cluster's name when several run side by side, which names its cookies
 * @param key the cluster key, from which the front door's signature of what it forwards
 * is derived
 * @param signatureMaxAge how long a node accepts that signature
 */
@ConfigurationProperties("paxoshub.cluster")
@Validated
record ClusterLayout(@NotEmpty List<@Valid Node> nodes, String name, String key,
		@DefaultValue("5s") Duration signatureMaxAge) {

	/** The cookie the node pages pin a node with, named as the nodes name it. */
	String pinCookie() {
		return SiteCookies.named(SiteCookies.PIN, this.name);
	}

	/**
	 * One node, such as {@code morpheus} at {@code http://127.0.0.1:8081}.
	 *
	 * @param name what users pin with, and what the node calls itself in
	 * {@code X-Paxoshub-Served-By}
	 * @param url where the node listens
	 */
	record Node(@NotBlank String name, @NotNull URI url) {
	}

}
