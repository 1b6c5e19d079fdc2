package dev.paxoshub.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.paxoshub.story.Recording.AccountState;
import dev.paxoshub.story.Recording.Checked;
import dev.paxoshub.story.Recording.ClusterState;
import dev.paxoshub.story.Recording.SideRecord;
import dev.paxoshub.story.Recording.StepRecord;
import dev.paxoshub.story.Recording.Verdict;

/**
 * What a side's end state says, in a few sentences computed from it and from what the
 * play was told along the way: how many accounts each name ended with, whether the nodes
 * agree on it, where the first work went, what was refused and whether anything
 * acknowledged is gone.
 */
final class Verdicts {

	private Verdicts() {
	}

	/** The usernames the scenario signs up, in the order it first does. */
	static List<String> usernames(Scenario scenario) {
		Set<String> names = new LinkedHashSet<>();
		scenario.steps()
			.stream()
			.filter((step) -> step instanceof ActorStep action && action.action() == Action.SIGN_UP)
			.forEach((step) -> names.add(((ActorStep) step).field("username").toLowerCase(Locale.ROOT)));
		return List.copyOf(names);
	}

	static Verdict judge(Scenario scenario, String side, List<StepRecord> steps, ClusterState last) {
		List<String> lines = new ArrayList<>();
		for (String username : usernames(scenario)) {
			lines.add(names(username, last));
			firstWork(scenario, side, steps, username, last).ifPresent(lines::add);
		}
		lines.add(writes(scenario, side, steps, last));
		List<String> failed = new ArrayList<>();
		int checked = 0;
		for (StepRecord step : steps) {
			Checked check = sideOf(step, side).checked();
			if (check != null) {
				checked++;
				if (!check.held()) {
					failed.add("step " + step.index() + " (" + check.notice() + ": " + check.detail() + ")");
				}
			}
		}
		if (checked > 0) {
			lines.add(failed.isEmpty() ? "Every expectation held (" + checked + " of " + checked + ")." : failed.size()
					+ " of " + checked + " expectations did not hold: " + String.join("; ", failed) + ".");
		}
		return new Verdict(lines, failed.isEmpty());
	}

	private static SideRecord sideOf(StepRecord step, String side) {
		return step.sides().get(side);
	}

	private static String names(String username, ClusterState last) {
		Map<String, AccountState> copies = copies(username, last);
		String count = switch (copies.size()) {
			case 0 -> "No account named " + username;
			case 1 -> "1 account named " + username;
			default -> copies.size() + " accounts named " + username;
		};
		Map<String, String> shown = last.shown().getOrDefault(username, Map.of());
		Set<String> answers = new LinkedHashSet<>(shown.values());
		if (answers.size() == 1 && copies.containsKey(answers.iterator().next())) {
			return count + "; every node agrees on it.";
		}
		if (shown.isEmpty()) {
			return count + ".";
		}
		Map<String, List<String>> nodesByAnswer = new LinkedHashMap<>();
		shown.forEach((node, answer) -> nodesByAnswer.computeIfAbsent(answer, (key) -> new ArrayList<>())
			.add(HomeApi.displayName(node)));
		List<String> parts = new ArrayList<>();
		nodesByAnswer.forEach((answer, nodes) -> parts
			.add(String.join(" and ", nodes) + " " + answerText(answer, copies, nodes.size() > 1)));
		return count + ": " + String.join("; ", parts) + ".";
	}

	private static String answerText(String answer, Map<String, AccountState> copies, boolean plural) {
		AccountState copy = copies.get(answer);
		if (copy != null) {
			return (plural ? "show" : "shows") + " the one made on " + HomeApi.displayName(copy.originNode());
		}
		return switch (answer) {
			case "none" -> (plural ? "know" : "knows") + " none";
			case "refused" -> (plural ? "refuse" : "refuses") + " to answer (no majority)";
			default -> (plural ? "were" : "was") + " unreachable";
		};
	}

	/** Every account with that name on any node, by id; those kept aside do not count. */
	private static Map<String, AccountState> copies(String username, ClusterState last) {
		Map<String, AccountState> copies = new LinkedHashMap<>();
		last.nodes()
			.stream()
			.flatMap((node) -> node.accounts().stream())
			.filter((account) -> !account.released() && account.username().equalsIgnoreCase(username))
			.forEach((account) -> copies.putIfAbsent(account.id(), account));
		return copies;
	}

	/** Where the first acknowledged profile or repository work on the account went. */
	private static Optional<String> firstWork(Scenario scenario, String side, List<StepRecord> steps, String username,
			ClusterState last) {
		for (StepRecord step : steps) {
			Step played = scenario.steps().get(step.index() - 1);
			Exchange exchange = sideOf(step, side).exchange();
			if (played instanceof ActorStep action && isWork(action.action()) && exchange != null
					&& exchange.acknowledged() && username.equalsIgnoreCase(exchange.written().get("username"))) {
				return Optional.of(workLine(action.actor(), exchange.written().get("account"), username, last));
			}
		}
		return Optional.empty();
	}

	private static boolean isWork(Action action) {
		return action == Action.EDIT_PROFILE || action == Action.UPLOAD_AVATAR || action == Action.CREATE_REPO;
	}

	private static String workLine(String actor, String account, String username, ClusterState last) {
		String who = actor.equals("you") ? "you" : HomeApi.displayName(actor);
		AccountState copy = copies(username, last).get(account);
		if (copy == null) {
			return "The profile " + who + " built first is on no node any more.";
		}
		List<String> notShowing = last.shown()
			.getOrDefault(username, Map.of())
			.entrySet()
			.stream()
			.filter((shown) -> !shown.getValue().equals(account))
			.map((shown) -> HomeApi.displayName(shown.getKey()))
			.toList();
		String lives = "The profile " + who + " built first lives on the copy made on "
				+ HomeApi.displayName(copy.originNode());
		return notShowing.isEmpty() ? lives + ", which every node shows." : lives + ", which "
				+ String.join(" and ", notShowing) + (notShowing.size() > 1 ? " do" : " does") + " not show.";
	}

	private static String writes(Scenario scenario, String side, List<StepRecord> steps, ClusterState last) {
		int acknowledged = 0;
		List<String> refusedOn = new ArrayList<>();
		List<String> lost = new ArrayList<>();
		for (StepRecord step : steps) {
			Step played = scenario.steps().get(step.index() - 1);
			Exchange exchange = sideOf(step, side).exchange();
			if (!(played instanceof ActorStep action) || !action.action().writes() || exchange == null) {
				continue;
			}
			if (exchange.acknowledged()) {
				acknowledged++;
				if (!kept(exchange.written(), last)) {
					lost.add("step " + step.index());
				}
			}
			else if (exchange.status() >= 500) {
				refusedOn.add(HomeApi.displayName(Objects.requireNonNullElse(exchange.servedBy(), "the front door")));
			}
		}
		String refused = refusedOn.isEmpty() ? "no write was refused" : refusedOn.size()
				+ ((refusedOn.size() == 1) ? " write was" : " writes were") + " refused (" + where(refusedOn) + ")";
		String kept = lost.isEmpty() ? "none lost" : lost.size() + " lost (" + String.join(", ", lost) + ")";
		return acknowledged + ((acknowledged == 1) ? " write was" : " writes were") + " acknowledged, " + kept + "; "
				+ refused + ".";
	}

	/** "on Morpheus 3 times, on Neo once" */
	private static String where(List<String> nodes) {
		Map<String, Long> counts = nodes.stream()
			.collect(Collectors.groupingBy((node) -> node, LinkedHashMap::new, Collectors.counting()));
		return counts.entrySet()
			.stream()
			.map((entry) -> "on " + entry.getKey() + " "
					+ ((entry.getValue() == 1) ? "once"
							: (entry.getValue() == 2) ? "twice" : entry.getValue() + " times"))
			.collect(Collectors.joining(", "));
	}

	/**
	 * Some node's copy of the account has the acknowledged change in its history. A node
	 * keeps the latest few stamps only; a change older than all of them, on a copy that
	 * went further, is taken as kept.
	 */
	static boolean kept(Map<String, String> written, ClusterState last) {
		String account = written.get("account");
		String stamp = written.get("stamp");
		long revision = revisionOf(stamp);
		return last.nodes()
			.stream()
			.flatMap((node) -> node.accounts().stream())
			.filter((held) -> held.id().equals(account))
			.anyMatch((held) -> held.lineage().contains(stamp) || (!held.lineage().isEmpty()
					&& revisionOf(held.lineage().get(0)) > revision && held.revision() > revision));
	}

	/** A stamp reads {@code revision@writer@millis}. */
	private static long revisionOf(String stamp) {
		if (stamp == null) {
			return 0;
		}
		int at = stamp.indexOf('@');
		try {
			return Long.parseLong((at > 0) ? stamp.substring(0, at) : stamp);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
