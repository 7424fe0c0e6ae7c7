package dev.mqttkit.report.junit;

import dev.mqttkit.report.FakeRuns;
import dev.mqttkit.report.model.TargetRun;
import dev.mqttkit.report.model.TestOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit XML of fake runs, parsed with the JDK's XML parser and checked for structure, counts and attributes:
 * CI reporters go red on unexpected results only.
 */
class JUnitXmlWriterTests {

    @TempDir
    static Path dir;
    static final Map<String, TargetRun> runs = new LinkedHashMap<>();

    @BeforeAll
    static void runFakes() {
        for (String fake : List.of("mixed", "expected", "cascade", "unreachable")) {
            TargetRun run = new FakeRuns(dir.resolve("reports")).run(fake).results().get(0);
            runs.put(fake, run);
        }
    }

    @Test
    void oneTestcasePerTestWithStatementsAndLevelAsProperties() throws Exception {
        Document xml = write(false, runs.get("mixed"));

        assertCounts(root(xml), 8, 3, 0, 1);
        Element suite = only(xml, "/testsuites/testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("fake-broker");
        assertCounts(suite, 8, 3, 0, 1);
        Element failed = testcase(xml, "rejectsSecondConnect");
        assertThat(failed.getAttribute("classname")).isEqualTo("MixedResultsChecks");
        assertThat(property(failed, "statements")).isEqualTo("MQTT-3.1.0-2");
        assertThat(property(failed, "level")).isEqualTo("MUST");
        assertThat(property(failed, "version")).isEqualTo("3.1.1");
        assertThat(property(failed, "verdict")).isEqualTo("FAIL");
        assertThat(Double.parseDouble(failed.getAttribute("time"))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aFailureCarriesTheReasonAsMessageAndTheTranscriptAsText() throws Exception {
        Element failure = child(testcase(write(false, runs.get("mixed")), "rejectsSecondConnect"), "failure");

        assertThat(failure.getAttribute("message")).isEqualTo("broker said <script>alert('x')</script> & left");
        assertThat(failure.getTextContent()).contains("Wire transcript:", "CONNECT ('c1', v4, c1, k60)",
                "\u2190 received", "CONNACK (0, 0)", "[20 02 00 00]", "\u2717 failed here",
                "breaks MQTT-3.1.0-2: second CONNECT <accepted>", "Observed: CONNACK <0x00>");
    }

    @Test
    void warningsPassWithANoteAndWhatWasNotCheckedIsSkipped() throws Exception {
        Document xml = write(false, runs.get("mixed"));

        Element warned = testcase(xml, "keepsAliveLoosely");
        assertThat(children(warned, "failure")).isEmpty();
        assertThat(child(warned, "system-out").getTextContent())
                .startsWith("WARN: the broker waited 2.5 times the keep alive");
        assertThat(child(testcase(xml, "rejectsWildcardsWhenUnsupported"), "skipped").getAttribute("message"))
                .startsWith("N/A: ").contains("the broker supports wildcards");
        assertThat(children(testcase(xml, "acceptsConnect"), "system-out")).isEmpty();
    }

    @Test
    void expectedFailuresPassSoOnlyNewOnesTurnTheBuildRed() throws Exception {
        Document xml = write(false, runs.get("expected"));

        assertCounts(root(xml), 6, 1, 0, 0);
        Element known = testcase(xml, "rejectsSecondConnect [3.1.1]");
        assertThat(known.getAttribute("classname")).isEqualTo("ExpectedChecks");
        assertThat(property(known, "test")).isEqualTo("ExpectedChecks#rejectsSecondConnect [3.1.1]");
        assertThat(property(known, "expectation")).isEqualTo("EXPECTED");
        assertThat(children(known, "failure")).isEmpty();
        assertThat(child(known, "system-out").getTextContent()).contains("known deviation",
                "keeps the first connection open");
        assertThat(child(testcase(xml, "closesOnInvalidWillQos [3.1.1]"), "failure").getAttribute("message"))
                .isEqualTo("CONNACK 0x00 for will QoS 3");
        Element fixed = testcase(xml, "keepsRetainedQos0 [3.1.1]");
        assertThat(children(fixed, "failure")).isEmpty();
        assertThat(child(fixed, "system-out").getTextContent()).contains("fixed \u2014 remove it from the "
                + "expectations file");
    }

    @Test
    void strictFailsOnAListedDeviationThatWentAway() throws Exception {
        Document xml = write(true, runs.get("expected"));

        assertCounts(root(xml), 6, 2, 0, 0);
        Element failure = child(testcase(xml, "keepsRetainedQos0 [3.1.1]"), "failure");
        assertThat(failure.getAttribute("type")).isEqualTo("FIXED");
        assertThat(failure.getAttribute("message")).contains("remove it from the expectations file",
                "used to drop retained QoS 0 messages");
    }

    @Test
    void aCascadeFailsItsCulpritAndSkipsWhatCouldNotBeChecked() throws Exception {
        Document xml = write(false, runs.get("cascade"));

        assertCounts(root(xml), 7, 1, 0, 4);
        assertThat(child(testcase(xml, "floodsTheBroker [3.1.1]"), "failure").getAttribute("message"))
                .isEqualTo("no PUBACK within 3000 ms");
        assertThat(child(testcase(xml, "acknowledgesUnsubscribe [3.1.1]"), "skipped").getAttribute("message"))
                .startsWith("Inconclusive: not checked: the broker stopped answering after "
                        + "CascadeChecks#floodsTheBroker [3.1.1]");
        assertThat(child(testcase(xml, "connectsWithMqtt31 [3.1]"), "skipped").getAttribute("message"))
                .startsWith("Not supported: ");
        Element suite = only(xml, "/testsuites/testsuite");
        assertThat(property(suite, "stopped-answering-after")).isEqualTo("CascadeChecks#floodsTheBroker [3.1.1]");
        assertThat(property(suite, "unsupported.3.1")).isEqualTo("closed the connection without CONNACK");
    }

    @Test
    void anUnreachableTargetIsOneError() throws Exception {
        Document xml = write(false, runs.get("unreachable"));

        assertCounts(root(xml), 2, 0, 1, 1);
        Element error = child(testcase(xml, "the broker can be reached"), "error");
        assertThat(error.getAttribute("message")).contains("Connection refused: 127.0.0.1:1");
    }

    @Test
    void severalTargetsAreSeveralSuitesWithTheirClassNamesApart() throws Exception {
        Document xml = write(false, runs.values().toArray(TargetRun[]::new));

        assertCounts(root(xml), 8 + 6 + 7 + 2, 3 + 1 + 1, 1, 1 + 4 + 1);
        assertThat(nodes(xml, "/testsuites/testsuite")).extracting(e -> e.getAttribute("name"))
                .containsExactly("fake-broker", "known-broker", "stalling-broker", "gone-broker");
        assertThat(testcase(xml, "rejectsSecondConnect").getAttribute("classname"))
                .isEqualTo("fake-broker.MixedResultsChecks");
    }

    @Test
    void charactersXmlCannotCarryAreReplacedNotWritten() throws Exception {
        TargetRun mixed = runs.get("mixed");
        List<TestOutcome> tests = new ArrayList<>();
        for (TestOutcome t : mixed.tests()) {
            tests.add(new TestOutcome(t.id(), t.testKey(), t.anchor(), t.name(), t.version(), t.statements(),
                    t.level(), t.verdict(), t.junitStatus(), "bad byte \u0000 and escape \u001b[31m", t.observed(),
                    t.failure(), t.scenario(), t.property(), t.transcript(), t.durationMillis(), t.expectation(),
                    t.culprit()));
        }
        TargetRun hostile = new TargetRun(mixed.schema(), mixed.target(), mixed.error(), mixed.partial(),
                mixed.started(), mixed.written(), mixed.durationMillis(), mixed.versions(), mixed.scores(),
                mixed.statements(), tests, mixed.cascade(), mixed.unsupported(), mixed.filter(), mixed.unreachable());

        Document xml = write(false, hostile);

        assertThat(child(testcase(xml, "rejectsSecondConnect"), "failure").getAttribute("message"))
                .isEqualTo("bad byte \uFFFD and escape \uFFFD[31m");
    }

    // layout: off
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            ConnectTests#closesConnectionOnSecondConnect [3.1.1] | -           | ConnectTests | closesConnectionOnSecondConnect [3.1.1]
            scenario:qos1-flow [3.1]                             | -           | scenario     | qos1-flow [3.1]
            malformed:connect/will QoS 3 [3.1.1]                 | -           | malformed    | connect/will QoS 3 [3.1.1]
            odd key [3.1.1]                                      | -           | mqtt         | odd key [3.1.1]
            -  | SubscribeTests › acksEvery(Harness) › MQTT 3.1 | SubscribeTests | acksEvery › MQTT 3.1
            -  | BrokenSetupChecks                                       | BrokenSetupChecks | BrokenSetupChecks
            """)
    // layout: on
    void classAndNameComeFromTheTestKeyElseFromTheDisplayPath(String key, String displayPath, String className,
                                                              String name) {
        TestOutcome t = new TestOutcome("id", key, "t-1", displayPath == null ? key : displayPath, "3.1.1",
                List.of(), null, dev.mqttkit.contract.Verdict.PASS, "SUCCESSFUL", null, null, null, null, null,
                null, 0, null, false);

        assertThat(TestCase.names(t)).containsExactly(className, name);
    }

    private static Document write(boolean strict, TargetRun... targets) throws Exception {
        Path file = dir.resolve("junit-" + System.nanoTime() + ".xml");
        new JUnitXmlWriter(strict).write(List.of(targets), file);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static void assertCounts(Element e, int tests, int failures, int errors, int skipped) {
        assertThat(List.of(e.getAttribute("tests"), e.getAttribute("failures"), e.getAttribute("errors"),
                e.getAttribute("skipped"))).as("tests, failures, errors, skipped of <" + e.getTagName() + ">")
                .containsExactly(String.valueOf(tests), String.valueOf(failures), String.valueOf(errors),
                        String.valueOf(skipped));
        String path = e.getTagName().equals("testsuites") ? "//testcase" : "testcase";
        assertThat(nodes(e, path)).as("testcase elements").hasSize(tests);
        assertThat(nodes(e, path + "/failure")).hasSize(failures);
        assertThat(nodes(e, path + "/error")).hasSize(errors);
        assertThat(nodes(e, path + "/skipped")).hasSize(skipped);
    }

    private static Element root(Document xml) {
        return xml.getDocumentElement();
    }

    private static Element testcase(Document xml, String name) {
        return only(xml, "//testcase[@name=\"" + name + "\"]");
    }

    private static String property(Element parent, String name) {
        return only(parent, "properties/property[@name=\"" + name + "\"]").getAttribute("value");
    }

    private static Element child(Element parent, String name) {
        return only(parent, name);
    }

    private static List<Element> children(Element parent, String name) {
        return nodes(parent, name);
    }

    private static Element only(Object context, String path) {
        List<Element> found = nodes(context, path);
        assertThat(found).as(path).hasSize(1);
        return found.get(0);
    }

    private static List<Element> nodes(Object context, String path) {
        try {
            NodeList list = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(path, context, XPathConstants.NODESET);
            List<Element> elements = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                elements.add((Element) list.item(i));
            }
            return elements;
        } catch (javax.xml.xpath.XPathExpressionException e) {
            throw new AssertionError(path, e);
        }
    }
}
