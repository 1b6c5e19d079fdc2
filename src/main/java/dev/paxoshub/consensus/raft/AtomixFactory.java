package dev.paxoshub.consensus.raft;

import io.atomix.core.Atomix;
import io.atomix.core.AtomixConfig;
import io.atomix.core.AtomixRegistry;

/**
 * Makes a node's Atomix member from the configuration {@link RaftMember} writes for it. A
 * node uses {@link #standard()} unless its context holds a bean of this type: that is
 * where a subclass of {@link Atomix} can hand in its own messaging service through
 * Atomix's protected constructor, to cut or slow the traffic between chosen members
 * inside one JVM.
 */
@FunctionalInterface
public interface AtomixFactory {

	Atomix create(AtomixConfig config);

	/**
	 * The types Atomix finds on the class path, scanned once rather than at every
	 * (re)start.
	 */
	static AtomixRegistry registry() {
		return Registry.INSTANCE;
	}

	static AtomixFactory standard() {
		return (config) -> Atomix.builder(config, registry()).build();
	}

	/** Holds the scan until it is first needed. */
	final class Registry {

		private static final AtomixRegistry INSTANCE = AtomixRegistry.registry();

		private Registry() {
		}

	}

}
