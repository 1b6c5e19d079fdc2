package dev.paxoshub.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.paxoshub.checker.Op.Kind;
import dev.paxoshub.checker.Op.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class RunReportTests {

	private static final String HOSTILE_KEY = "<script>alert(1)</script>";

	private static final String HOSTILE_ERROR = "timed out \"><script>alert(2)</script>";

	private static final List<String> CHARTS = List.of("timeline", "latency", "roles");

	/** Where the tests leave a report to open in a browser; the temp dirs are deleted. */
	private static final Path SAMPLES = Path.of("target", "run-report-samples");

	@TempDir
	Path dir;

	@Test
	void theResultFileHoldsTheSummaryAndTheWholeVerdict() throws IOException {
		RunReport.write(this.dir, history(), finalState(), invalidVerdict());

		JsonNode result = JsonMapper.builder().build().readTree(read(RunReport.RESULT));
		JsonNode summary = result.path("summary");
		assertThat(summary.path("mode").asString()).isEqualTo("on");
		assertThat(summary.path("valid").isBoolean()).isTrue();
		assertThat(summary.path("valid").asBoolean()).isFalse();
		assertThat(summary.path("validity").asString()).isEqualTo("INVALID");
		assertThat(summary.path("operations").asInt()).isEqualTo(9);
		assertThat(summary.path("durationMs").asDouble()).isEqualTo(9000);
		assertThat(summary.path("clients").asInt()).isEqualTo(3);
		assertThat(summary.path("outcomes").path("ok").asInt()).isEqualTo(5);
		assertThat(summary.path("outcomes").path("fail").asInt()).isEqualTo(2);
		assertThat(summary.path("outcomes").path("unknown").asInt()).isEqualTo(2);
		assertThat(summary.path("kinds").path("claim").asInt()).isEqualTo(3);
		assertThat(summary.path("duplicates").asInt()).isEqualTo(1);
		assertThat(summary.path("lostWrites").asInt()).isEqualTo(1);
		assertThat(summary.path("staleReads").asInt()).isEqualTo(2);
		assertThat(summary.path("nonLinearizableKeys").asInt()).isEqualTo(1);
		assertThat(summary.path("undecidedKeys").asInt(-1)).isZero();
		assertThat(summary.path("keysChecked").asInt()).isEqualTo(3);
		assertThat(summary.path("slowRecoveries").asInt()).isEqualTo(1);
		assertThat(summary.path("healedAtMs").asDouble()).isEqualTo(8000);
		assertThat(summary.path("faults")).hasSize(2);
		assertThat(summary.path("faults").get(0).path("kind").asString()).isEqualTo("kill");
		assertThat(summary.path("faults").get(1).path("node").asString()).isEqualTo("trinity");
		JsonNode verdict = result.path("verdict");
		assertThat(verdict.path("valid").asBoolean(true)).isFalse();
		assertThat(verdict.path("validity").asString()).isEqualTo("INVALID");
		assertThat(verdict.path("keys").get(0).path("status").asString()).isEqualTo("NOT_LINEARIZABLE");
		assertThat(verdict.path("duplicates").get(0).path("key").asString()).isEqualTo("alice");
		assertThat(verdict.path("duplicates").get(0).path("ops").get(1).asInt()).isEqualTo(1);
		assertThat(verdict.path("recoveries").get(2).path("servedAfterMs").isNull()).isTrue();
		assertThat(verdict.path("keys")).hasSize(3);
	}

	@Test
	void theHeaderSaysInvalidAndWhy() throws IOException {
		RunReport.write(this.dir, history(), finalState(), invalidVerdict());

		Document page = page();
		Element verdict = page.selectFirst("header .verdict");
		assertThat(verdict).isNotNull();
		assertThat(verdict.text()).isEqualTo("INVALID");
		assertThat(verdict.hasClass("invalid")).isTrue();
		assertThat(page.selectFirst("header .mode").text()).isEqualTo("Consensus ON");
		assertThat(page.selectFirst("header .reason").text()).contains("1 duplicate owner", "1 lost write",
				"2 stale reads", "1 non-linearizable username", "1 node slow to recover");
		assertThat(page.select("header .facts dd").eachText()).containsExactly("9.0 s", "9 (5 ok, 2 fail, 2 unknown)",
				"3", "2 (1 kill, 1 partition)", "3");
	}

	@Test
	void aValidRunSaysSoAndItsTablesSayThereIsNothing() throws IOException {
		RunReport.write(this.dir, history(), finalState(), validVerdict());

		Document page = page();
		assertThat(page.selectFirst("header .verdict").text()).isEqualTo("VALID");
		assertThat(page.selectFirst("header").hasClass("valid")).isTrue();
		assertThat(page.select("tr.anomaly")).isEmpty();
		assertThat(page.select("#anomalies p.none")).hasSize(4);
		assertThat(page.select("#undecided p.none").text()).isEqualTo("None: the search decided every username.");
		assertThat(page.select("svg .flagged")).isEmpty();
		assertThat(
				JsonMapper.builder().build().readTree(read(RunReport.RESULT)).path("summary").path("valid").asBoolean())
			.isTrue();
	}

	@Test
	void aRunWithoutAnomaliesButWithAnUndecidedNameIsUnknownAndListsIt() throws IOException {
		RunReport.write(this.dir, history(), finalState(), unknownVerdict());

		Document page = page();
		Element verdict = page.selectFirst("header .verdict");
		assertThat(verdict.text()).isEqualTo("UNKNOWN");
		assertThat(verdict.hasClass("unknown")).isTrue();
		assertThat(page.selectFirst("header").hasClass("unknown")).isTrue();
		assertThat(page.selectFirst("header .reason").text()).isEqualTo("No anomaly found, but 1 username could not"
				+ " be fully checked: the search for an order of their operations gave up first.");
		assertThat(page.select("tr.anomaly")).isEmpty();
		assertThat(page.select("#non-linearizable p.none").text()).contains("1 username the search could decide");
		assertThat(page.select("#undecided h2 .badge.warn").text()).isEqualTo("1");
		assertThat(page.select("#undecided tr.undecided").eachText()).singleElement(InstanceOfAssertFactories.STRING)
			.contains("bob", "The search gave up after 20,000,001 steps");
		// Its operations are no anomaly's: nothing is outlined.
		assertThat(page.select("svg .flagged")).isEmpty();
		JsonNode result = JsonMapper.builder().build().readTree(read(RunReport.RESULT));
		JsonNode summary = result.path("summary");
		assertThat(summary.path("valid").isBoolean()).isTrue();
		assertThat(summary.path("valid").asBoolean()).isFalse();
		assertThat(summary.path("validity").asString()).isEqualTo("UNKNOWN");
		assertThat(summary.path("undecidedKeys").asInt()).isEqualTo(1);
		assertThat(summary.path("nonLinearizableKeys").asInt(-1)).isZero();
		assertThat(result.path("verdict").path("keys").get(1).path("status").asString()).isEqualTo("UNDECIDED");
	}

	@Test
	void anInvalidRunStillSaysWhichNamesWentUndecided() throws IOException {
		Verdict invalid = invalidVerdict();
		List<Verdict.KeyResult> keys = new ArrayList<>(invalid.keys());
		keys.add(undecided("carol"));
		RunReport.write(this.dir, history(), finalState(),
				new Verdict(invalid.mode(), invalid.validity(), invalid.operations(), invalid.duplicates(),
						invalid.lostWrites(), invalid.staleReads(), keys, invalid.outages(), invalid.recoveries(),
						invalid.checkMillis()));

		Document page = page();
		assertThat(page.selectFirst("header .verdict").text()).isEqualTo("INVALID");
		assertThat(page.selectFirst("header .reason").text()).endsWith("; 1 username could not be fully checked.");
		assertThat(page.select("#undecided tr.undecided").text()).contains("carol");
		assertThat(page.select("#non-linearizable tr.anomaly").text()).doesNotContain("carol");
	}

	@Test
	void theTimelineHasOneLanePerClientAndOneBarPerOperationColouredByItsOutcome() throws IOException {
		History history = history();
		RunReport.write(this.dir, history, finalState(), invalidVerdict());

		Element timeline = chart(page(), "timeline");
		assertThat(timeline.select("g.lane").eachAttr("data-client")).containsExactly("0", "1", "2");
		assertThat(timeline.select("g.lane .lane-label").eachText()).containsExactly("client 0", "client 1",
				"client 2");
		assertThat(timeline.select("rect.op")).hasSize(history.ops().size());
		for (Op op : history.ops()) {
			Elements bars = timeline.select("rect.op[data-op=" + op.id() + "]");
			assertThat(bars).as("bar of op %d", op.id()).hasSize(1);
			String expected = op.outcome().name().toLowerCase();
			assertThat(bars.first().classNames()).as("classes of op %d", op.id())
				.contains(expected, op.kind().name().toLowerCase());
			assertThat(bars.first().attr("fill")).isEqualTo(Palette.fill(op.outcome()));
		}
		assertThat(timeline.select("rect.op.ok")).hasSize(5);
		assertThat(timeline.select("rect.op.fail")).hasSize(2);
		assertThat(timeline.select("rect.op.unknown")).hasSize(2);
		assertThat(timeline.selectFirst("rect.op[data-op=3] > title").text()).contains("op 3", "edit", "alice",
				"via morpheus", "fail", "HTTP 503", "50 ms", "error: no leader");
		// Longer operations are wider bars: x follows time.
		double quick = Double.parseDouble(timeline.selectFirst("rect.op[data-op=2]").attr("width"));
		double slow = Double.parseDouble(timeline.selectFirst("rect.op[data-op=4]").attr("width"));
		assertThat(slow).isGreaterThan(quick * 50);
	}

	@Test
	void theLatencyChartHasOneMarkPerOperationShapedByItsKind() throws IOException {
		RunReport.write(this.dir, history(), finalState(), invalidVerdict());

		Element latency = chart(page(), "latency");
		assertThat(latency.select(".point")).hasSize(9);
		assertThat(latency.select("circle.point.claim")).hasSize(3);
		assertThat(latency.select("rect.point.edit")).hasSize(3);
		assertThat(latency.select("polygon.point.read")).hasSize(3);
		assertThat(latency.select(".point.unknown")).hasSize(2);
		// The slow unknown edit sits higher (smaller y) than the quick read.
		double quick = Double
			.parseDouble(latency.selectFirst("polygon.point[data-op=5]").attr("points").split("[, ]")[1]);
		double slow = Double.parseDouble(latency.selectFirst("rect.point[data-op=4]").attr("y"));
		assertThat(slow).isLessThan(quick);
	}

	@Test
	void everyChartShadesTheFaultsAtTheSameTimesWithTheirLabels() throws IOException {
		RunReport.write(this.dir, history(), finalState(), invalidVerdict());

		Document page = page();
		List<String> killX = new ArrayList<>();
		for (String name : CHARTS) {
			Element chart = chart(page, name);
			assertThat(chart.select("g.fault .fault-label").eachText()).as(name)
				.containsExactly("kill neo", "partition trinity");
			assertThat(chart.select("g.fault.fault-kill rect.fault-band")).as(name).hasSize(1);
			assertThat(chart.select("g.fault.fault-partition rect.fault-band")).as(name).hasSize(1);
			assertThat(chart.selectFirst("g.fault.fault-kill > title").text()).as(name)
				.contains("kill neo", "2.00 s", "4.00 s", "SIGKILL, restarted");
			killX.add(chart.selectFirst("g.fault.fault-kill rect.fault-band").attr("x"));
			assertThat(chart.select(".ticks .tick").eachText()).as(name).startsWith("0 s", "1 s", "2 s");
		}
		assertThat(killX).doesNotContain("").containsOnly(killX.get(0));
		assertThat(page.select(".legend.faults li")).extracting(Element::text)
			.contains("fault: kill", "fault: partition");
	}

	@Test
	void theRolesChartHasOneLanePerNodeWithASegmentPerStretchOfOneRole() throws IOException {
		RunReport.write(this.dir, history(), finalState(), invalidVerdict());

		Element roles = chart(page(), "roles");
		assertThat(roles.select("g.role-lane").eachAttr("data-node")).containsExactly("morpheus", "neo", "trinity");
		assertThat(roles.select("g.role-lane .lane-label").eachText()).containsExactly("Morpheus", "Neo", "Trinity");
		assertThat(classesOfSegments(roles, "morpheus")).containsExactly("role-leader", "role-follower");
		assertThat(classesOfSegments(roles, "neo")).containsExactly("role-follower", "role-down", "role-candidate",
				"role-leader");
		assertThat(classesOfSegments(roles, "trinity")).containsExactly("role-follower", "role-other");
		assertThat(roles.selectFirst("g.role-lane[data-node=neo] rect.role-down > title").text())
			.isEqualTo("Neo: down from 2.00 s to 4.50 s");
		assertThat(roles.selectFirst("g.role-lane[data-node=trinity] rect.role-other > title").text())
			.contains("inactive");
	}

	@Test
	void anAnomalyRowCarriesItsExplanationAndLinksToItsOperations() throws IOException {
		RunReport.write(this.dir, history(), finalState(), invalidVerdict());
		RunReport.write(SAMPLES.resolve("small"), history(), finalState(), invalidVerdict());

		Document page = page();
		Elements duplicates = page.select("#duplicates tr.anomaly.duplicate");
		assertThat(duplicates).hasSize(1);
		assertThat(duplicates.first().text()).contains("alice", "acc-1", "acc-2",
				"Op 0 and op 1 were both told alice is theirs.");
		assertThat(duplicates.first().select("a.op-link").eachAttr("href")).containsExactly("#op-0", "#op-1");
		assertThat(page.select("#non-linearizable tr.anomaly").eachText())
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("alice", "No order of these operations explains every answer.");
		assertThat(page.select("#stale-reads tr.anomaly")).hasSize(2);
		assertThat(page.select("#lost-writes tr.anomaly").text()).contains("Trinity", "op 8");
		// Every operation an anomaly names has its row, and its bar is outlined.
		assertThat(page.select("#operations tr.op-row").eachAttr("id")).containsExactly("op-0", "op-1", "op-2", "op-3",
				"op-8");
		assertThat(chart(page, "timeline").select("rect.flagged").eachAttr("data-op")).containsExactly("0", "1", "2",
				"3", "8");
		assertThat(page.selectFirst("#bar-8")).isNotNull();
		assertThat(page.select(".recoveries tr.late").text()).contains("Trinity", "never");
		assertThat(page.select(".outages tr.outage").text()).contains("kill", "Neo", "1.5 s");
		assertThat(page.select("#how p").text()).contains("VALID");
	}

	@Test
	void textFromTheNetworkIsEscapedEverywhere() throws IOException {
		RunReport.write(this.dir, history(), finalState(), invalidVerdict());

		String html = read(RunReport.PAGE);
		Document page = Jsoup.parse(html);
		assertThat(page.select("script")).isEmpty();
		assertThat(html).doesNotContain("<script");
		assertThat(page.getAllElements()).allSatisfy((element) -> assertThat(element.attributes().asList())
			.noneMatch((attribute) -> attribute.getKey().startsWith("on")));
		// The hostile text is still there, as text a person can read.
		assertThat(chart(page, "timeline").selectFirst("rect.op[data-op=4] > title").text()).contains(HOSTILE_KEY,
				HOSTILE_ERROR);
		assertThat(page.select("#stale-reads code").eachText()).contains(HOSTILE_KEY);
		assertThat(page.select(".final-state b")).isEmpty();
		assertThat(page.select(".final-state td").eachText()).contains("<b>x</b>");
	}

	@Test
	void aRunThatRecordedNothingStillMakesBothFiles() throws IOException {
		History empty = new History("off", 0, List.of(), List.of(), List.of());
		Verdict verdict = new Verdict("off", Verdict.Validity.VALID, 0, List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), 0);
		Path nested = this.dir.resolve("nested/run");
		RunReport.write(nested, empty, null, verdict);

		JsonNode summary = JsonMapper.builder().build().readTree(read(nested, RunReport.RESULT)).path("summary");
		assertThat(summary.path("operations").asInt(-1)).isZero();
		assertThat(summary.path("healedAtMs").isNull()).isTrue();
		Document page = Jsoup.parse(read(nested, RunReport.PAGE));
		assertThat(page.selectFirst("header .mode").text()).isEqualTo("Consensus OFF");
		assertThat(page.select("g.fault")).isEmpty();
		assertThat(page.select(".legend.faults")).isEmpty();
		assertThat(chart(page, "timeline").select("text.empty").text()).isEqualTo("No operation was recorded.");
		assertThat(chart(page, "latency").select("text.empty").text()).isEqualTo("No operation was recorded.");
		assertThat(chart(page, "roles").select("text.empty").text())
			.isEqualTo("No node reported a role during the run.");
		assertThat(page.select(".final-state")).isEmpty();
		assertThat(page.select("#availability p.none").text()).contains("Not recorded");
	}

	@Test
	void withoutConsensusTheNodesAreDrawnOffNotAsALeader() throws IOException {
		History history = history();
		List<RoleSample> off = List.of(roles(0, "off", "off", "off"), roles(4000, "off", "down", "off"));
		RunReport.write(this.dir, new History("off", 9000, history.ops(), history.faults(), off), finalState(),
				validVerdict());

		Element roles = chart(page(), "roles");
		assertThat(classesOfSegments(roles, "morpheus")).containsExactly("role-other");
		assertThat(classesOfSegments(roles, "neo")).containsExactly("role-other", "role-down");
		assertThat(roles.select("rect.role-leader")).isEmpty();
		assertThat(roles.selectFirst("g.role-lane[data-node=neo] rect.role-other").attr("fill"))
			.isEqualTo(Palette.roleColour("other"));
	}

	@Test
	void tenThousandOperationsMakeAPageOfAFewMegabytes() throws IOException {
		History history = large(10_000);
		Path samples = Files.createDirectories(SAMPLES);
		RunReport.write(samples, history, finalState(), invalidVerdict());

		String html = Files.readString(samples.resolve(RunReport.PAGE), StandardCharsets.UTF_8);
		assertThat(html.length()).isLessThan(12_000_000);
		Document page = Jsoup.parse(html);
		assertThat(chart(page, "timeline").select("rect.op")).hasSize(10_000);
		assertThat(chart(page, "timeline").select("g.lane")).hasSize(8);
		assertThat(chart(page, "latency").select(".point")).hasSize(10_000);
		System.out.println("Sample report: " + samples.resolve(RunReport.PAGE).toAbsolutePath());
	}

	private static List<String> classesOfSegments(Element roles, String node) {
		return roles.select("g.role-lane[data-node=" + node + "] rect.role")
			.stream()
			.map((segment) -> segment.classNames()
				.stream()
				.filter((name) -> !name.equals("role"))
				.findFirst()
				.orElse(""))
			.toList();
	}

	private String read(String file) throws IOException {
		return read(this.dir, file);
	}

	private static String read(Path dir, String file) throws IOException {
		return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
	}

	private Document page() throws IOException {
		return Jsoup.parse(read(RunReport.PAGE));
	}

	private static Element chart(Document page, String name) {
		Elements charts = page.select("svg.chart." + name);
		assertThat(charts).as("the %s chart", name).hasSize(1);
		return charts.first();
	}

	/** Three clients, every kind with every outcome it can have here, two faults. */
	static History history() {
		List<Op> ops = List.of(
				new Op(0, 0, Kind.CLAIM, "alice", "front-door", Outcome.OK, 100, 180, "t0", "acc-1", null, 201, null),
				new Op(1, 1, Kind.CLAIM, "alice", "neo", Outcome.OK, 150, 260, "t1", "acc-2", null, 201, null),
				new Op(2, 2, Kind.READ, "alice", "trinity", Outcome.OK, 300, 320, null, "acc-1", "Alice", 200, null),
				new Op(3, 0, Kind.EDIT, "alice", "morpheus", Outcome.FAIL, 400, 450, null, "acc-1", "Al", 503,
						"no leader"),
				new Op(4, 1, Kind.EDIT, HOSTILE_KEY, "neo", Outcome.UNKNOWN, 500, 5500, null, null, "x", 0,
						HOSTILE_ERROR),
				new Op(5, 2, Kind.READ, "bob", "front-door", Outcome.OK, 1200, 1210, null, null, null, 404, null),
				new Op(6, 2, Kind.CLAIM, "bob", "morpheus", Outcome.FAIL, 1300, 1400, "t6", null, null, 409, "taken"),
				new Op(7, 0, Kind.READ, "alice", "neo", Outcome.UNKNOWN, 6000, 7000, null, null, null, 0, "no answer"),
				new Op(8, 1, Kind.EDIT, "alice", "trinity", Outcome.OK, 7100, 7200, null, "acc-1", "Alice B", 200,
						null));
		List<Fault> faults = List.of(new Fault("partition", "trinity", 5000, 8000, "iptables in its namespace"),
				new Fault("kill", "neo", 2000, 4000, "SIGKILL, restarted"));
		List<RoleSample> roles = List.of(roles(0, "leader", "follower", "follower"),
				roles(1000, "leader", "follower", "follower"), roles(2000, "leader", "down", "follower"),
				roles(4500, "follower", "candidate", "follower"), roles(5000, "follower", "leader", "inactive"),
				roles(9000, "follower", "leader", "inactive"));
		return new History("on", 9000, ops, faults, roles);
	}

	private static RoleSample roles(double time, String morpheus, String neo, String trinity) {
		Map<String, String> roles = new LinkedHashMap<>();
		// Not in alphabetical order: the chart must sort them.
		roles.put("trinity", trinity);
		roles.put("morpheus", morpheus);
		roles.put("neo", neo);
		return new RoleSample(time, roles);
	}

	static Verdict invalidVerdict() {
		return new Verdict("on", Verdict.Validity.INVALID, 9,
				List.of(new Verdict.Duplicate("alice", List.of("acc-1", "acc-2"), List.of(0, 1),
						"Op 0 and op 1 were both told alice is theirs.")),
				List.of(new Verdict.LostWrite("alice", 8, "trinity",
						"The edit of op 8 was acknowledged, but trinity shows the old name.")),
				List.of(new Verdict.StaleRead("alice", 2, 3, "Op 2 read before the edit of op 3."),
						new Verdict.StaleRead(HOSTILE_KEY, 99, 98, "An id the history does not hold.")),
				List.of(new Verdict.KeyResult("alice", 6, Verdict.KeyStatus.NOT_LINEARIZABLE, List.of(0, 1, 2),
						"No order of these operations explains every answer."),
						new Verdict.KeyResult("bob", 2, Verdict.KeyStatus.LINEARIZABLE, List.of(), null),
						new Verdict.KeyResult(HOSTILE_KEY, 1, Verdict.KeyStatus.LINEARIZABLE, List.of(), null)),
				List.of(new Verdict.Outage("kill", "neo", 2000, 4000, 1500,
						"No write succeeded for 1.5 s after neo was killed.")),
				List.of(new Verdict.Recovery("morpheus", 120.0, true), new Verdict.Recovery("neo", 2500.0, true),
						new Verdict.Recovery("trinity", null, false)),
				12);
	}

	static Verdict validVerdict() {
		return new Verdict("on", Verdict.Validity.VALID, 9, List.of(), List.of(), List.of(),
				List.of(new Verdict.KeyResult("alice", 6, Verdict.KeyStatus.LINEARIZABLE, List.of(), null)), List.of(),
				List.of(new Verdict.Recovery("neo", 800.0, true)), 3);
	}

	static Verdict unknownVerdict() {
		return new Verdict("on", Verdict.Validity.UNKNOWN, 9, List.of(), List.of(), List.of(), List
			.of(new Verdict.KeyResult("alice", 6, Verdict.KeyStatus.LINEARIZABLE, List.of(), null), undecided("bob")),
				List.of(), List.of(new Verdict.Recovery("neo", 800.0, true)), 3);
	}

	private static Verdict.KeyResult undecided(String key) {
		return new Verdict.KeyResult(key, 2, Verdict.KeyStatus.UNDECIDED, List.of(),
				"The search gave up after 20,000,001 steps, before it could tell whether some order of these 2"
						+ " operations explains every answer: too many of them overlap.");
	}

	static FinalState finalState() {
		Map<String, FinalState.NodeFinal> nodes = new LinkedHashMap<>();
		for (String node : List.of("trinity", "neo", "morpheus", "<b>x</b>")) {
			nodes.put(node,
					new FinalState.NodeFinal(node, 300.0,
							List.of(new FinalState.Stored("acc-1", "alice", "t0@example.test", false),
									new FinalState.Stored("acc-2", "alice", "t1@example.test", true)),
							Map.of("alice", new FinalState.Served("acc-1", "Alice B"))));
		}
		return new FinalState(8000, nodes);
	}

	/** A long run for the sample: eight clients, a fault every few seconds. */
	static History large(int count) {
		Random random = new Random(42);
		List<Op> ops = new ArrayList<>(count);
		double[] clock = new double[8];
		List<Fault> faults = List.of(new Fault("kill", "neo", 8000, 14000, "SIGKILL, restarted"),
				new Fault("pause", "morpheus", 20000, 26000, "SIGSTOP, SIGCONT"),
				new Fault("partition-leader", "trinity", 32000, 40000, "iptables"),
				new Fault("flaky", "neo", 36000, 44000, "drops one packet in five"));
		for (int id = 0; id < count; id++) {
			int client = id % clock.length;
			double start = clock[client] + random.nextDouble() * 20;
			boolean faulty = faults.stream().anyMatch((fault) -> fault.covers(start));
			double latency = faulty ? Math.exp(random.nextDouble() * 8) : 2 + Math.exp(random.nextDouble() * 3.5);
			Outcome outcome = (latency > 2000) ? Outcome.UNKNOWN
					: (faulty && random.nextInt(4) == 0) ? Outcome.FAIL : Outcome.OK;
			Kind kind = Kind.values()[random.nextInt(3)];
			ops.add(new Op(id, client, kind, "user" + random.nextInt(50), "front-door", outcome, start, start + latency,
					null, null, null, (outcome == Outcome.UNKNOWN) ? 0 : 200, null));
			clock[client] = start + latency;
		}
		List<RoleSample> roles = new ArrayList<>();
		for (int t = 0; t <= 50000; t += 500) {
			String neo = (t >= 8000 && t < 14000) ? "down" : (t < 8000) ? "leader" : "follower";
			String morpheus = (t >= 20000 && t < 26000) ? "down"
					: (t >= 8000 && t < 9000) ? "candidate" : (t >= 9000) ? "leader" : "follower";
			roles.add(roles(t, morpheus, neo, "follower"));
		}
		double end = ops.stream().mapToDouble(Op::end).max().orElse(0);
		return new History("on", end, ops, faults, roles);
	}

}
