package dev.paxoshub.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.paxoshub.chaos.FlakyNetwork.Flakiness;
import dev.paxoshub.chaos.FlakyNetwork.Range;
import dev.paxoshub.node.Links;
import dev.paxoshub.node.Links.Direction;
import dev.paxoshub.node.NodeIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node's own chaos controls, for the operator (see SecurityConfiguration): this node
 * applies each link fault to its own traffic, so the same call works whether the node
 * shares a process with its peers or runs alone. What a fault does is in {@link Links}
 * and {@link FlakyNetwork}.
 */
@RestController
@RequestMapping("/api/node/chaos")
class NodeChaosController {

	private final Links links;

	private final FlakyNetwork flaky;

	private final NodeIdentity node;

	NodeChaosController(Links links, FlakyNetwork flaky, NodeIdentity node) {
		this.links = links;
		this.flaky = flaky;
		this.node = node;
	}

	@GetMapping
	NodeFaults faults() {
		Flakiness flakiness = this.flaky.flakiness();
		return new NodeFaults(this.node.name(), this.links.describeFaults(), this.links.cutInbound(),
				this.links.cutOutbound(), this.links.delay().toMillis(), flakiness != null, this.links.isAway());
	}

	@PostMapping("/partition")
	NodeFaults partition(@Valid @RequestBody(required = false) PartitionRequest request) {
		List<String> from = (request != null && request.from() != null) ? request.from() : List.of();
		for (String peer : from) {
			if (this.node.peers().stream().noneMatch((p) -> p.name().equalsIgnoreCase(peer))) {
				throw badRequest("'" + peer + "' is not a peer of " + this.node.displayName() + "; its peers are "
						+ this.node.peers().stream().map((p) -> p.name()).toList() + ".");
			}
		}
		Direction direction = (request != null && request.direction() != null)
				? Direction.valueOf(request.direction().toUpperCase(Locale.ROOT)) : Direction.BOTH;
		this.links.partition(from.stream().map((peer) -> peer.toLowerCase(Locale.ROOT)).toList(), direction);
		return faults();
	}

	@PostMapping("/slow")
	NodeFaults slow(@Valid @RequestBody SlowRequest request) {
		this.links.slow(Duration.ofMillis(request.delayMs()));
		return faults();
	}

	@PostMapping("/flaky")
	NodeFaults flaky(@Valid @RequestBody(required = false) FlakyRequest request) {
		long[] down = range((request != null) ? request.downMs() : null, 1_000, 3_000, "downMs");
		long[] up = range((request != null) ? request.upMs() : null, 1_000, 4_000, "upMs");
		this.flaky.start(new Flakiness(new Range(down[0], down[1]), new Range(up[0], up[1])));
		return faults();
	}

	@PostMapping("/steady")
	NodeFaults steady() {
		this.flaky.stop();
		return faults();
	}

	/** Every fault of this node undone: partitions, delay and a flaky network. */
	@PostMapping("/heal")
	NodeFaults heal() {
		this.flaky.stop();
		this.links.heal();
		return faults();
	}

	/** Said in the API's own terms, not as an unknown path. */
	@PostMapping("/{action}")
	NodeFaults unknown(@PathVariable String action) {
		throw new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no chaos action '" + action
						+ "' on a node. There are: partition, slow, flaky, steady, heal."),
				null);
	}

	private static long[] range(List<Long> given, long min, long max, String field) {
		if (given == null) {
			return new long[] { min, max };
		}
		if (given.size() != 2 || given.get(0) == null || given.get(1) == null || given.get(0) < 50
				|| given.get(1) > 60_000 || given.get(0) > given.get(1)) {
			throw badRequest(field + " is [min, max] in milliseconds, with 50 <= min <= max <= 60000.");
		}
		return new long[] { given.get(0), given.get(1) };
	}

	private static ErrorResponseException badRequest(String message) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message), null);
	}

	/**
	 * @param faults the faults in force, as sentences
	 * @param delayMs added to every message to a peer
	 * @param flaky whether the network comes and goes
	 * @param away whether it is gone right now
	 */
	record NodeFaults(String node, List<String> faults, Set<String> cutInbound, Set<String> cutOutbound, long delayMs,
			boolean flaky, boolean away) {
	}

	record PartitionRequest(@Size(max = 10, message = "Name at most 10 peers.") List<String> from,
			@Pattern(regexp = "(?i)both|inbound|outbound",
					message = "The direction is \"both\", \"inbound\" or \"outbound\".") String direction) {
	}

	record SlowRequest(@NotNull(message = "Say how slow: delayMs, in milliseconds.") @Min(value = 0,
			message = "delayMs cannot be negative.") @Max(value = 10_000,
					message = "delayMs can be at most 10000 (ten seconds).") Long delayMs) {
	}

	record FlakyRequest(List<Long> downMs, List<Long> upMs) {
	}

}
