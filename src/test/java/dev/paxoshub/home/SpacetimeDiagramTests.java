package dev.paxoshub.home;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.paxoshub.home.SpacetimeDiagram.Options;
import dev.paxoshub.node.LinkMessage;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SpacetimeDiagramTests {

	private static final String SVG = "http://www.w3.org/2000/svg";

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private static final Instant SIX_SECONDS_AGO = NOW.minusSeconds(6);

	private static final double NO_ANSWER = Double.NaN;

	private static final List<String> LANES = List.of("morpheus", "neo", "trinity");

	private static final Map<String, String> COLORS = Map.of("morpheus", "#d1242f", "neo", "#1a7f37", "trinity",
			"#8250df");

	@Test
	void theDiagramIsWellFormedSvgWithOneLabelledLanePerNodeInTheirOrder() throws Exception {
		String svg = SpacetimeDiagram.svg(LANES, COLORS, realisticElection(), SIX_SECONDS_AGO, NOW);

		Document document = parse(svg);
		assertThat(svg).startsWith("<svg");
		Element root = document.getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(SVG);
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(children(root)).extracting(Element::getLocalName).startsWith("title", "desc");
		List<Element> lanes = withClass(document, "spacetime-lane");
		assertThat(lanes).extracting((lane) -> lane.getAttribute("class"))
			.containsExactly("spacetime-lane node-morpheus", "spacetime-lane node-neo", "spacetime-lane node-trinity");
		assertThat(texts(withClass(document, "spacetime-lane-label"))).containsExactly("Morpheus", "Neo", "Trinity");
		assertThat(lanes).extracting((lane) -> first(lane, "line").getAttribute("stroke"))
			.containsExactly("#d1242f", "#1a7f37", "#8250df");
	}

	@Test
	void aLaneColourThatIsNotPlainHexIsPaintedGrey() throws Exception {
		Map<String, String> colors = new HashMap<>();
		colors.put("morpheus", "red\" onload=\"alert(1)");
		colors.put("neo", "#ABC");
		colors.put("trinity", null);

		String svg = SpacetimeDiagram.svg(LANES, colors, List.of(), SIX_SECONDS_AGO, NOW);

		assertThat(withClass(parse(svg), "spacetime-lane"))
			.extracting((lane) -> first(lane, "line").getAttribute("stroke"))
			.containsExactly("#57606a", "#aabbcc", "#57606a");
		assertThat(svg).doesNotContain("alert").doesNotContain("onload");
	}

	@Test
	void everyVoteHasOneRequestArrowThereAndOneAnswerArrowBack() throws Exception {
		List<LinkMessage> votes = List.of(message("vote", "neo", "morpheus", -3000, -2998.6, "granted", 5L),
				message("vote", "neo", "trinity", -3000, -2998.1, "denied", 5L));

		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, votes, SIX_SECONDS_AGO, NOW));

		List<Element> drawn = withClass(document, "spacetime-vote");
		assertThat(drawn).hasSize(2);
		double morpheus = laneY(document, "node-morpheus");
		double neo = laneY(document, "node-neo");
		double trinity = laneY(document, "node-trinity");
		for (Element vote : drawn) {
			assertThat(withClass(vote, "spacetime-request")).hasSize(1);
			assertThat(withClass(vote, "spacetime-answer")).hasSize(1);
		}
		Element toMorpheus = withClass(drawn.get(0), "spacetime-request").get(0);
		Element fromMorpheus = withClass(drawn.get(0), "spacetime-answer").get(0);
		assertThat(number(toMorpheus, "y1")).isEqualTo(neo);
		assertThat(number(toMorpheus, "y2")).isEqualTo(morpheus);
		assertThat(number(toMorpheus, "x2")).isGreaterThan(number(toMorpheus, "x1"));
		assertThat(number(fromMorpheus, "y1")).isEqualTo(morpheus);
		assertThat(number(fromMorpheus, "y2")).isEqualTo(neo);
		assertThat(number(fromMorpheus, "x2")).isGreaterThan(number(fromMorpheus, "x1"));
		assertThat(number(withClass(drawn.get(1), "spacetime-request").get(0), "y2")).isEqualTo(trinity);
	}

	@Test
	void aGrantedAnswerIsSolidInTheVotersColourAndADeniedOneDashedGrey() throws Exception {
		List<LinkMessage> votes = List.of(message("vote", "neo", "morpheus", -3000, -2998.6, "granted", 5L),
				message("vote", "neo", "trinity", -3000, -2998.1, "denied", 5L));

		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, votes, SIX_SECONDS_AGO, NOW));

		Element granted = withClass(withClass(document, "spacetime-granted").get(0), "spacetime-answer").get(0);
		assertThat(granted.getAttribute("stroke")).isEqualTo("#d1242f");
		assertThat(granted.hasAttribute("stroke-dasharray")).isFalse();
		assertThat(granted.getAttribute("marker-end")).isEqualTo("url(#spacetime-arrow-d1242f)");
		Element denied = withClass(withClass(document, "spacetime-denied").get(0), "spacetime-answer").get(0);
		assertThat(denied.getAttribute("stroke")).isEqualTo("#8c959f");
		assertThat(denied.getAttribute("stroke-dasharray")).isNotBlank();
		assertThat(ids(document.getElementsByTagNameNS(SVG, "marker"))).contains("spacetime-arrow-d1242f",
				"spacetime-arrow-8c959f", "spacetime-open-1a7f37");
	}

	@Test
	void aDroppedRequestStopsShortOfTheOtherLaneWithACross() throws Exception {
		List<LinkMessage> cut = List.of(message("vote", "trinity", "morpheus", -2000, NO_ANSWER, "dropped", 7L));

		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, cut, SIX_SECONDS_AGO, NOW));

		Element dropped = withClass(document, "spacetime-dropped").get(0);
		Element request = withClass(dropped, "spacetime-request").get(0);
		assertThat(number(request, "y1")).isEqualTo(laneY(document, "node-trinity"));
		assertThat(number(request, "y2")).isGreaterThan(laneY(document, "node-morpheus"))
			.isLessThan(laneY(document, "node-trinity"));
		assertThat(request.hasAttribute("marker-end")).isFalse();
		assertThat(withClass(dropped, "spacetime-cross")).hasSize(1);
		assertThat(withClass(dropped, "spacetime-answer")).isEmpty();
	}

	@Test
	void aRequestThatWasNeverAnsweredEndsInAnOpenCircle() throws Exception {
		List<LinkMessage> unanswered = List.of(message("poll", "morpheus", "neo", -2000, NO_ANSWER, "failed", 6L));

		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, unanswered, SIX_SECONDS_AGO, NOW));

		Element failed = withClass(document, "spacetime-unanswered").get(0);
		Element request = withClass(failed, "spacetime-request").get(0);
		Element end = withClass(failed, "spacetime-unanswered-end").get(0);
		assertThat(end.getLocalName()).isEqualTo("circle");
		assertThat(number(end, "cy")).isEqualTo(number(request, "y2")).isEqualTo(laneY(document, "node-neo"));
		assertThat(end.getAttribute("fill")).isEqualTo("#ffffff");
		assertThat(withClass(failed, "spacetime-answer")).isEmpty();
	}

	@Test
	void requestArrowsCarryTheTermTheyWereSentIn() throws Exception {
		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, realisticElection(), SIX_SECONDS_AGO, NOW));

		List<Element> terms = withClass(document, "spacetime-term");
		assertThat(texts(terms)).containsExactly("t4", "t4", "t5", "t5");
		assertThat(terms).extracting((term) -> term.getAttribute("fill")).containsOnly("#1a7f37");
	}

	@Test
	void aTermLabelThatWouldSitOnAnotherArrowIsLeftOut() throws Exception {
		List<LinkMessage> crowd = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			crowd.add(message("vote", "neo", "morpheus", -3000 + i * 0.5, -2999.6 + i * 0.5, "granted", (long) i));
		}

		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, crowd, SIX_SECONDS_AGO, NOW));

		assertThat(withClass(document, "spacetime-request")).hasSize(60);
		assertThat(withClass(document, "spacetime-term")).hasSizeLessThan(10);
	}

	@Test
	void anElectionOfAFewMillisecondsIsDrawnWiderAndSaysHowLongItTook() throws Exception {
		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, realisticElection(), SIX_SECONDS_AGO, NOW));

		List<Element> stretches = withClass(document, "spacetime-stretch");
		assertThat(stretches).singleElement()
			.satisfies((stretch) -> assertThat(texts(elements(stretch.getElementsByTagNameNS(SVG, "text"))))
				.containsExactly("4.8 ms"));
		Element band = first(stretches.get(0), "rect");
		Element firstPoll = withClass(withClass(document, "spacetime-poll").get(0), "spacetime-request").get(0);
		Element lastVoteAnswer = withClass(withClass(document, "spacetime-vote").get(1), "spacetime-answer").get(0);
		assertThat(number(band, "x")).isLessThan(number(firstPoll, "x1"));
		assertThat(number(band, "x") + number(band, "width")).isGreaterThan(number(lastVoteAnswer, "x2"));
		assertThat(number(lastVoteAnswer, "x2") - number(firstPoll, "x1")).isGreaterThan(40);
	}

	@Test
	void theRequestsOfAnElectionStayApartInTheOrderTheyWereSent() throws Exception {
		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, realisticElection(), SIX_SECONDS_AGO, NOW));

		List<Element> polls = withClass(document, "spacetime-poll");
		List<Element> votes = withClass(document, "spacetime-vote");
		assertThat(polls).hasSize(2);
		assertThat(votes).hasSize(2);
		double pollsLeave = number(withClass(polls.get(0), "spacetime-request").get(0), "x1");
		assertThat(number(withClass(polls.get(1), "spacetime-request").get(0), "x1")).isCloseTo(pollsLeave,
				within(0.5));
		double lastPollAnswer = Math.max(number(withClass(polls.get(0), "spacetime-answer").get(0), "x2"),
				number(withClass(polls.get(1), "spacetime-answer").get(0), "x2"));
		for (Element vote : votes) {
			assertThat(number(withClass(vote, "spacetime-request").get(0), "x1")).isGreaterThan(lastPollAnswer);
		}
	}

	@Test
	void aHostileNodeNameIsShownAsTextAndNeverBecomesMarkup() throws Exception {
		String hostile = "<script>alert('x')</script> & \"friends\"\u0001";
		List<LinkMessage> vote = List.of(message("vote", hostile, "neo", -1000, -999, "granted", 3L));

		String svg = SpacetimeDiagram.svg(List.of(hostile, "neo"), Map.of(hostile, "#123456"), vote, SIX_SECONDS_AGO,
				NOW);

		Document document = parse(svg);
		assertThat(document.getElementsByTagNameNS("*", "script").getLength()).isZero();
		assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;");
		assertThat(svg).doesNotContain("\"friends\"").contains("&quot;friends&quot;");
		assertThat(texts(withClass(document, "spacetime-lane-label")))
			.containsExactly("<script>alert('x')</script> & \"friends\"\uFFFD", "Neo");
		assertThat(withClass(document, "spacetime-lane").get(0).getAttribute("class")).isEqualTo("spacetime-lane");
		assertThat(text(first(document.getDocumentElement(), "desc")))
			.startsWith("Votes in term 3: <script>alert('x')</script>");
	}

	@Test
	void nothingInTheDiagramCouldRunScriptOrStyleItself() throws Exception {
		List<LinkMessage> messages = new ArrayList<>(realisticElection());
		messages.add(message("vote", "trinity", "morpheus", -500, NO_ANSWER, "dropped", 6L));
		messages.add(message("poll", "morpheus", "trinity", -400, NO_ANSWER, "failed", 6L));
		String svg = SpacetimeDiagram.svg(LANES, Map.of("neo", "#1a7f37", "morpheus", "javascript:alert(1)"), messages,
				SIX_SECONDS_AGO, NOW);

		for (Element element : all(parse(svg))) {
			assertThat(element.getLocalName()).isNotIn("script", "style", "foreignObject", "a", "image", "use",
					"iframe");
			NamedNodeMap attributes = element.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				assertThat(attribute.getName()).isNotEqualToIgnoringCase("style")
					.doesNotStartWithIgnoringCase("on")
					.doesNotContainIgnoringCase("href");
				assertThat(attribute.getValue()).doesNotContainIgnoringCase("javascript");
			}
		}
	}

	@Test
	void messagesSentOutsideTheWindowAreLeftOut() throws Exception {
		List<LinkMessage> messages = List.of(message("vote", "neo", "morpheus", -7000, -6999, "granted", 5L),
				message("vote", "neo", "trinity", 1000, 1001, "granted", 5L),
				message("vote", "neo", "trinity", -1000, -999, "granted", 6L));

		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, messages, SIX_SECONDS_AGO, NOW));

		assertThat(withClass(document, "spacetime-message")).hasSize(1);
		assertThat(texts(withClass(document, "spacetime-term"))).containsExactly("t6");
	}

	@Test
	void clientMembershipReplicaAndOtherMessagesAreNotDrawn() throws Exception {
		List<LinkMessage> messages = List.of(message("client", "neo", "morpheus", -3000, -2999, "ok", null),
				message("membership", "neo", "morpheus", -2000, -1999, "ok", null),
				message("replica", "neo", "trinity", -1000, -999, "ok", null),
				message("other", "trinity", "neo", -500, -499, "failed", null));

		String svg = SpacetimeDiagram.svg(LANES, COLORS, messages, SIX_SECONDS_AGO, NOW);

		Document document = parse(svg);
		assertThat(withClass(document, "spacetime-message")).isEmpty();
		assertThat(withClass(document, "spacetime-append")).isEmpty();
		assertThat(texts(withClass(document, "spacetime-empty"))).containsExactly("No election in the last 6 seconds.");
	}

	@Test
	void aFewAppendsAreThinArrowsAndManyAreTicksOnTheSendersLane() throws Exception {
		Document few = parse(SpacetimeDiagram.svg(LANES, COLORS, appends("neo", "morpheus", 10), SIX_SECONDS_AGO, NOW));
		Document many = parse(
				SpacetimeDiagram.svg(LANES, COLORS, appends("neo", "morpheus", 100), SIX_SECONDS_AGO, NOW));

		assertThat(withClass(few, "spacetime-append")).hasSize(10)
			.allSatisfy((append) -> assertThat(first(append, "line")).isNotNull());
		List<Element> ticks = withClass(many, "spacetime-append");
		assertThat(ticks).singleElement().satisfies((tick) -> {
			assertThat(tick.getLocalName()).isEqualTo("path");
			assertThat(tick.getAttribute("class")).contains("node-neo");
			assertThat(tick.getAttribute("d").split("M")).hasSize(101);
		});
	}

	@Test
	void withHundredsOfVotesOnlyTheLatestAreDrawnAndANoteSaysSo() throws Exception {
		List<LinkMessage> votes = new ArrayList<>();
		for (int i = 0; i < 512; i++) {
			votes.add(message("vote", LANES.get(i % 3), LANES.get((i + 1) % 3), -5900 + i * 11, -5899 + i * 11,
					(i % 2 == 0) ? "granted" : "denied", (long) i));
		}

		String svg = SpacetimeDiagram.svg(LANES, COLORS, votes, SIX_SECONDS_AGO, NOW);

		Document document = parse(svg);
		List<Element> drawn = withClass(document, "spacetime-message");
		assertThat(drawn).hasSize(200);
		assertThat(text(first(drawn.get(0), "title"))).contains("term 312");
		assertThat(texts(withClass(document, "spacetime-note")))
			.containsExactly("showing the last 200 of 512 votes and polls");
		assertThat(text(first(document.getDocumentElement(), "desc"))).contains("504 earlier rounds are not described.")
			.endsWith("The diagram shows the last 200 of 512 votes and polls.");
		assertThat(svg.length()).isLessThan(200_000);
	}

	@Test
	void anEmptyWindowSaysThereWasNoElection() throws Exception {
		Document sixSeconds = parse(SpacetimeDiagram.svg(LANES, COLORS, List.of(), SIX_SECONDS_AGO, NOW));
		Document oneSecond = parse(SpacetimeDiagram.svg(LANES, COLORS, List.of(), NOW.minusSeconds(1), NOW));

		assertThat(texts(withClass(sixSeconds, "spacetime-empty")))
			.containsExactly("No election in the last 6 seconds.");
		assertThat(text(first(sixSeconds.getDocumentElement(), "desc")))
			.isEqualTo("No election in the last 6 seconds.");
		assertThat(texts(withClass(oneSecond, "spacetime-empty"))).containsExactly("No election in the last 1 second.");
		assertThat(withClass(sixSeconds, "spacetime-lane")).hasSize(3);
	}

	@Test
	void aClusterWithNoLanesStillGivesAValidDiagram() throws Exception {
		Document document = parse(SpacetimeDiagram.svg(List.of(), Map.of(), realisticElection(), SIX_SECONDS_AGO, NOW));

		assertThat(withClass(document, "spacetime-message")).isEmpty();
		assertThat(texts(withClass(document, "spacetime-empty"))).containsExactly("No election in the last 6 seconds.");
	}

	@Test
	void theTimeAxisCountsSecondsBackToNow() throws Exception {
		Document sixSeconds = parse(SpacetimeDiagram.svg(LANES, COLORS, List.of(), SIX_SECONDS_AGO, NOW));
		Document halfASecond = parse(SpacetimeDiagram.svg(LANES, COLORS, List.of(), NOW.minusMillis(500), NOW));

		assertThat(texts(textsIn(sixSeconds, "spacetime-time"))).containsExactly("now", "-2 s", "-4 s", "-6 s");
		assertThat(withClass(sixSeconds, "spacetime-grid")).extracting((line) -> number(line, "x1"))
			.containsExactly(852.0, 600.0, 348.0, 96.0);
		assertThat(texts(textsIn(halfASecond, "spacetime-time"))).containsExactly("now", "-0.1 s", "-0.2 s", "-0.3 s",
				"-0.4 s", "-0.5 s");
	}

	@Test
	void theDescriptionTellsAScreenReaderWhoAskedWhomAndWhatTheyAnswered() throws Exception {
		List<LinkMessage> messages = new ArrayList<>(realisticElection());
		messages.add(message("vote", "trinity", "morpheus", -800, -799, "denied", 6L));
		messages.add(message("vote", "trinity", "neo", -800, NO_ANSWER, "dropped", 6L));

		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, messages, SIX_SECONDS_AGO, NOW));

		assertThat(text(first(document.getDocumentElement(), "title")))
			.isEqualTo("Raft votes and polls between Morpheus, Neo and Trinity, the last 6 seconds");
		assertThat(text(first(document.getDocumentElement(), "desc"))).isEqualTo(
				"Polls (pre-votes) in term 4: Neo asked Morpheus and Trinity; both granted. Votes in term 5: Neo asked "
						+ "Morpheus and Trinity; both granted. Votes in term 6: Trinity asked Morpheus and Neo; "
						+ "Morpheus denied and the one to Neo was dropped on the way. "
						+ "Morpheus sent 100 appends and Neo sent 118 appends.");
	}

	@Test
	void aSizeWithNoRoomForTheDiagramIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Options(200, 64, 200));
		assertThatIllegalArgumentException().isThrownBy(() -> new Options(880, 10, 200));
		assertThatIllegalArgumentException().isThrownBy(() -> new Options(880, 64, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpacetimeDiagram.svg(LANES, COLORS, List.of(), NOW, SIX_SECONDS_AGO));
	}

	@Test
	void aNarrowDiagramWrapsItsLegendAndStaysWellFormed() throws Exception {
		Document document = parse(SpacetimeDiagram.svg(LANES, COLORS, realisticElection(), SIX_SECONDS_AGO, NOW,
				new Options(360, 48, 50)));

		assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo("360");
		assertThat(withClass(document, "spacetime-message")).hasSize(4);
	}

	/**
	 * Not a check: the diagram of one ordinary election, for a person to open (or turn
	 * into a PNG) and judge.
	 */
	@Test
	void aRealisticElectionIsWrittenToTargetToBeLookedAt() throws Exception {
		String svg = SpacetimeDiagram.svg(LANES, COLORS, realisticElection(), SIX_SECONDS_AGO, NOW);

		Path sample = Path.of("target", "spacetime-sample.svg");
		Files.createDirectories(sample.getParent());
		Files.writeString(sample, svg, StandardCharsets.UTF_8);
		assertThat(parse(Files.readString(sample)).getDocumentElement().getLocalName()).isEqualTo("svg");
	}

	/**
	 * Morpheus leads term 4 and hands over (it steps down): Neo polls both peers in term
	 * 4, both grant, it asks for their votes in term 5, both grant, and Neo leads. Round
	 * trips of one to two milliseconds, heartbeats every 50 ms, as on the demo's
	 * loopback.
	 */
	static List<LinkMessage> realisticElection() {
		List<LinkMessage> messages = new ArrayList<>();
		for (double at = -5980; at < -3480; at += 50) {
			messages.add(message("append", "morpheus", "neo", at, at + 0.9, "ok", 4L));
			messages.add(message("append", "morpheus", "trinity", at + 0.1, at + 1.1, "ok", 4L));
		}
		messages.add(message("poll", "neo", "morpheus", -3100, -3098.4, "granted", 4L));
		messages.add(message("poll", "neo", "trinity", -3099.9, -3097.8, "granted", 4L));
		messages.add(message("vote", "neo", "morpheus", -3097.2, -3095.8, "granted", 5L));
		messages.add(message("vote", "neo", "trinity", -3097.1, -3095.2, "granted", 5L));
		for (double at = -3094; at < -150; at += 50) {
			messages.add(message("append", "neo", "morpheus", at, at + 1.0, "ok", 5L));
			messages.add(message("append", "neo", "trinity", at + 0.1, at + 1.2, "ok", 5L));
		}
		return messages;
	}

	private static List<LinkMessage> appends(String from, String to, int count) {
		List<LinkMessage> appends = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			appends.add(message("append", from, to, -5900 + i * 55, -5899 + i * 55, "ok", 5L));
		}
		return appends;
	}

	/** Times in milliseconds before (negative) or after {@link #NOW}. */
	private static LinkMessage message(String kind, String from, String to, double sent, double answered,
			String outcome, Long term) {
		return new LinkMessage(at(sent), Double.isNaN(answered) ? null : at(answered), from, to, kind, outcome, term);
	}

	private static Instant at(double millis) {
		return NOW.plus(Duration.ofNanos(Math.round(millis * 1_000_000)));
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
	}

	private static List<Element> all(Document document) {
		return elements(document.getElementsByTagNameNS("*", "*"));
	}

	private static List<Element> withClass(Document document, String cssClass) {
		return withClass(document.getDocumentElement(), cssClass);
	}

	private static List<Element> withClass(Element within, String cssClass) {
		return elements(within.getElementsByTagNameNS("*", "*")).stream()
			.filter((element) -> List.of(element.getAttribute("class").split(" ")).contains(cssClass))
			.toList();
	}

	private static List<Element> textsIn(Document document, String cssClass) {
		return elements(withClass(document, cssClass).get(0).getElementsByTagNameNS(SVG, "text"));
	}

	private static List<Element> elements(NodeList nodes) {
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	private static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	private static Element first(Element within, String localName) {
		return (Element) within.getElementsByTagNameNS(SVG, localName).item(0);
	}

	private static List<String> ids(NodeList elements) {
		return elements(elements).stream().map((element) -> element.getAttribute("id")).toList();
	}

	private static String text(Element element) {
		return element.getTextContent();
	}

	private static List<String> texts(List<Element> elements) {
		return elements.stream().map(SpacetimeDiagramTests::text).toList();
	}

	private static double laneY(Document document, String nodeClass) {
		return number(first(withClass(document, nodeClass).get(0), "line"), "y1");
	}

	private static double number(Element element, String attribute) {
		return Double.parseDouble(element.getAttribute(attribute));
	}

}
