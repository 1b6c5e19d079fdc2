package dev.paxoshub.consensus.raft;

import io.atomix.core.Atomix;
import io.atomix.core.AtomixConfig;
import io.atomix.core.AtomixRegistry;
import io.atomix.core.registry.ClasspathScanningRegistry;

/**
 * Makes a node's Atomix member from the configuration {@link RaftConfiguration} writes
 * for it. A node's members go through its links ({@link LinkedAtomix}) unless its context
 * holds a bean of this type: that is where a test can hand in a messaging service of its
 * own through Atomix's protected constructor.
 */
@FunctionalInterface
public interface AtomixFactory {

	Atomix create(AtomixConfig config);

	/**
	 * The types Atomix finds on the class path, scanned once rather than at every
	 * (re)start, and only in Atomix's own packages: scanning every class of the fat jar
	 * took over a second.
	 */
	static AtomixRegistry registry() {
		return Registry.INSTANCE;
	}

	static AtomixFactory standard() {
		return (config) -> Atomix.builder(config, registry()).build();
	}

	/** Holds the scan until it is first needed. */
	final class Registry {

		private static final AtomixRegistry INSTANCE = ClasspathScanningRegistry.builder()
			.withClassLoader(AtomixFactory.class.getClassLoader())
			.withWhitelistPackages("io.atomix")
			.build();

		private Registry() {
		}

	}

}
