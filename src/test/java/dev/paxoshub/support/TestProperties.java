package dev.paxoshub.support;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.paxoshub.consensus.raft.RaftSettings;
import dev.paxoshub.node.PaxoshubProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A node's settings as Boot would bind them from {@code --name=value} arguments, for
 * tests that build beans by hand: every default applies, and a test names only what it
 * sets.
 */
public final class TestProperties {

	private TestProperties() {
	}

	/**
	 * @param settings names without the {@code paxoshub.} prefix, e.g.
	 * {@code "data-dir" -> "/tmp/x"}
	 */
	public static PaxoshubProperties paxoshub(Map<String, String> settings) {
		return bind("paxoshub", settings, PaxoshubProperties.class);
	}

	/**
	 * @param settings names without the {@code paxoshub.raft.} prefix, e.g.
	 * {@code "start-timeout" -> "60s"}
	 */
	public static RaftSettings raft(Map<String, String> settings) {
		return bind("paxoshub.raft", settings, RaftSettings.class);
	}

	private static <T> T bind(String prefix, Map<String, String> settings, Class<T> type) {
		Map<String, String> prefixed = new LinkedHashMap<>();
		settings.forEach((name, value) -> prefixed.put(prefix + "." + name, value));
		return new Binder(new MapConfigurationPropertySource(prefixed)).bindOrCreate(prefix, type);
	}

}
