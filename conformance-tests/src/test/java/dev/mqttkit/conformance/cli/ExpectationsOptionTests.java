package dev.mqttkit.conformance.cli;

import static dev.mqttkit.conformance.cli.ConformanceCliTests.PING;
import static dev.mqttkit.conformance.cli.ConformanceCliTests.PING_TEST;
import static dev.mqttkit.conformance.cli.ConformanceCliTests.faulty;
import static dev.mqttkit.conformance.cli.ConformanceCliTests.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.BrokerConfig;
import dev.mqttkit.broker.ReferenceBroker;
import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.contract.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The options a CI job uses: an expectations file decides what fails the run, a run writes one, and JUnit XML
 * carries the same verdicts to test reporters.
 */
class ExpectationsOptionTests {
    private static final String PING_TEST_31 = "KeepAliveTests#answersEveryPingreqWithPingresp [3.1]";

    @TempDir
    Path dir;

    @Test
    void exitsWithZeroWhenEveryFailureIsExpected() throws IOException {
        Path file = expect(PING_TEST, PING_TEST_31);
        try (ReferenceBroker broker = faulty()) {
            CliRun run = CliRun.of("--broker", url(broker), "--only", PING, "--expect", file.toString(),
                    "--report", dir.toString());

            assertThat(run.code()).as(run.both()).isEqualTo(ExitStatus.OK);
            assertThat(run.out()).contains("FAIL (expected) " + PING_TEST, "  FAIL " + PING + " [3.1.1] ",
                    "(expected)", "known deviations: 2 FAIL/WARN results are listed",
                    "Result: no unexpected MUST failure (2 known deviations listed in the expectations file) (exit 0)");
        }
    }

    @Test
    void exitsWithOneWhenAFailureIsNotExpectedAndWritesItAsTheOneJUnitFailure() throws Exception {
        Path xml = dir.resolve("junit/mqtt.xml");
        try (ReferenceBroker broker = faulty()) {
            CliRun run = CliRun.of("--broker", url(broker), "--only", PING, "--expect", expect(PING_TEST).toString(),
                    "--junit-xml", xml.toString(), "--report", dir.toString());

            assertThat(run.code()).as(run.both()).isEqualTo(ExitStatus.FAILED);
            assertThat(run.out()).contains("FAIL (expected) " + PING_TEST, "FAIL " + PING_TEST_31,
                    "Result: 1 test broke a MUST statement that the expectations file does not list (exit 1)");
        }
        List<Element> cases = pingTestcases(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(xml.toFile()));
        assertThat(cases).hasSize(2);
        for (Element c : cases) {
            boolean v31 = c.getAttribute("name").contains("[3.1]");
            assertThat(c.getElementsByTagName("failure").getLength()).as(c.getAttribute("name"))
                    .isEqualTo(v31 ? 1 : 0);
            assertThat(properties(c)).contains(PING);
        }
    }

    @Test
    void reportsAnExpectedFailureThatWentAwayAsFixedAndFailsOnlyWhenStrict() throws IOException {
        Path file = expect(PING_TEST);
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults())) {
            CliRun lenient = CliRun.of("--broker", url(broker), "--only", PING, "--expect", file.toString(),
                    "--report", dir.toString());
            CliRun strict = CliRun.of("--broker", url(broker), "--only", PING, "--expect", file.toString(),
                    "--strict-expectations", "--report", dir.toString());

            assertThat(lenient.code()).as(lenient.both()).isEqualTo(ExitStatus.OK);
            assertThat(lenient.out()).contains("fixed: " + PING_TEST + " passes, but the expectations file lists it "
                    + "as FAIL (PINGREQ is not answered yet): remove that entry");
            assertThat(strict.code()).as(strict.both()).isEqualTo(ExitStatus.FAILED);
            assertThat(strict.out()).contains("fixed: " + PING_TEST, "FAILED " + PING_TEST,
                    "Result: 1 deviation listed in the expectations file no longer happens (--strict-expectations)");
        }
    }

    @Test
    void writesAnExpectationsFileThatTheNextRunAccepts() throws IOException {
        Path file = dir.resolve("ci/mqtt-expectations.json");
        try (ReferenceBroker broker = faulty()) {
            CliRun first = CliRun.of("--broker", url(broker), "--only", PING, "--write-expectations",
                    file.toString(), "--report", dir.toString());
            CliRun second = CliRun.of("--broker", url(broker), "--only", PING, "--expect", file.toString(),
                    "--report", dir.toString());

            assertThat(first.code()).as(first.both()).isEqualTo(ExitStatus.FAILED);
            assertThat(first.out()).contains("Expectations: 2 entries written to " + file.toAbsolutePath());
            String placeholder = ExpectationsDraft.placeholder(LocalDate.now(ZoneOffset.UTC));
            assertThat(Expectations.read(file).entries()).containsExactlyInAnyOrder(
                    Expectations.Entry.ofTest(PING_TEST, Verdict.FAIL, placeholder),
                    Expectations.Entry.ofTest(PING_TEST_31, Verdict.FAIL, placeholder));
            assertThat(second.code()).as(second.both()).isEqualTo(ExitStatus.OK);
        }
    }

    private static List<Element> pingTestcases(Document doc) {
        NodeList all = doc.getElementsByTagName("testcase");
        List<Element> cases = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element c = (Element) all.item(i);
            if (c.getAttribute("name").contains("answersEveryPingreqWithPingresp")) {
                cases.add(c);
            }
        }
        return cases;
    }

    private static String properties(Element testcase) {
        StringBuilder b = new StringBuilder();
        NodeList props = testcase.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            b.append(p.getAttribute("name")).append('=').append(p.getAttribute("value")).append('\n');
        }
        return b.toString();
    }

    private Path expect(String... tests) throws IOException {
        Path file = dir.resolve("expectations.json");
        new Expectations("reference broker with NO_PINGRESP", List.of(tests).stream()
                .map(t -> Expectations.Entry.ofTest(t, Verdict.FAIL, "PINGREQ is not answered yet")).toList())
                .write(file);
        return file;
    }
}
