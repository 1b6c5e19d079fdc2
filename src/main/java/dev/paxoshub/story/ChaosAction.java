package dev.paxoshub.story;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The faults of the home's chaos API, as scenario files name them. */
public enum ChaosAction {

	KILL, REVIVE, FLAKY, STEADY, PARTITION, HEAL, SLOW;

	public String fileName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ChaosAction> named(String fileName) {
		return Arrays.stream(values()).filter((action) -> action.fileName().equals(fileName)).findFirst();
	}

	public static List<String> fileNames() {
		return Arrays.stream(values()).map(ChaosAction::fileName).toList();
	}

}
