package dev.paxoshub.story;

import java.util.Map;
import java.util.Optional;

/**
 * A step's expectations: one for every side, or one per consensus mode where the sides
 * should differ.
 *
 * @param common for a side without one of its own; null for none
 * @param byMode for {@code off} and {@code on}
 */
public record Expectations(Expectation common, Map<String, Expectation> byMode) {

	public static final Expectations NONE = new Expectations(null, Map.of());

	public Expectations {
		byMode = Map.copyOf(byMode);
	}

	public Optional<Expectation> forMode(String mode) {
		return Optional.ofNullable(this.byMode.getOrDefault(mode, this.common));
	}

}
