package dev.paxoshub.story;

import java.util.Map;

/**
 * What the viewer is told at a step: one text for every side, or one per consensus mode
 * (the mode the side's nodes report, never one the scenario assumes).
 *
 * @param common said on every side without a text of its own; may be empty
 * @param byMode texts for {@code off} and {@code on}, where they differ
 */
public record Narration(String common, Map<String, String> byMode) {

	public static final Narration NONE = new Narration("", Map.of());

	public Narration {
		common = (common != null) ? common : "";
		byMode = Map.copyOf(byMode);
	}

	public String forMode(String mode) {
		return this.byMode.getOrDefault(mode, this.common);
	}

}
