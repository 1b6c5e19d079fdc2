package dev.paxoshub.story;

import dev.paxoshub.story.Recording.SideRecord;
import dev.paxoshub.story.Recording.StepRecord;
import dev.paxoshub.story.Recording.Verdict;

/**
 * A recording as a terminal shows it: each step with what every side got and whether what
 * the viewer should notice held, then each side's verdict.
 */
public final class RecordingText {

	private RecordingText() {
	}

	public static String of(Recording recording) {
		StringBuilder text = new StringBuilder();
		text.append(recording.title())
			.append(" (played on ")
			.append(String.join(" and ", recording.sides()))
			.append(", ")
			.append(recording.state())
			.append(")\n\n");
		for (StepRecord step : recording.steps()) {
			text.append(String.format("%2d  %s%n", step.index(), step.headline()));
			for (String side : recording.sides()) {
				SideRecord record = step.sides().get(side);
				if (record != null) {
					text.append(String.format("    %-4s%s%n", side, line(record)));
				}
			}
		}
		if (recording.problem() != null) {
			text.append("\nThe play stopped: ").append(recording.problem()).append('\n');
		}
		for (String side : recording.sides()) {
			Verdict verdict = recording.verdicts().get(side);
			if (verdict != null) {
				text.append("\nVerdict, ").append(side).append(":\n");
				verdict.lines().forEach((line) -> text.append("  - ").append(line).append('\n'));
			}
		}
		return text.toString();
	}

	private static String line(SideRecord record) {
		StringBuilder line = new StringBuilder();
		if (record.exchange() != null) {
			Exchange exchange = record.exchange();
			line.append((exchange.servedBy() != null) ? HomeApi.displayName(exchange.servedBy()) : "front door")
				.append(' ')
				.append(exchange.status())
				.append(" \"")
				.append(exchange.summary())
				.append('"');
		}
		else {
			line.append(record.outcome());
		}
		if (record.checked() != null) {
			line.append(record.checked().held() ? "  [ok] " : "  [NOT AS EXPECTED] ").append(record.checked().notice());
			if (!record.checked().held()) {
				line.append(": ").append(record.checked().detail());
			}
		}
		return line.toString();
	}

}
