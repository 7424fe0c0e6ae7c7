package dev.mqttkit.conformance.cli;

import static dev.mqttkit.conformance.cli.ConformanceCliTests.SECOND_CONNECT;
import static dev.mqttkit.conformance.cli.ConformanceCliTests.TEST_31;
import static dev.mqttkit.conformance.cli.ConformanceCliTests.TEST_311;
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
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The options a CI job uses: an expectations file decides what fails the run, a run writes one, and JUnit XML
 * carries the same verdicts to test reporters. Isolated, like {@link ConformanceCliTests}.
 */
@Isolated
class ExpectationsOptionTests {
    private static final String REASON = "a second CONNECT is answered, until the session rework lands";

    @TempDir
    Path dir;

    @Test
    void exitsWithZeroWhenEveryFailureIsExpected() throws IOException {
        Path file = expect(Expectations.Entry.ofTest(TEST_311, Verdict.FAIL, REASON),
                Expectations.Entry.ofTest(TEST_31, Verdict.WARN, REASON));
        try (ReferenceBroker broker = faulty()) {
            CliRun run = CliRun.of("--broker", url(broker), "--only", SECOND_CONNECT, "--expect", file.toString(),
                    "--report", dir.toString());

            assertThat(run.code()).as(run.both()).isEqualTo(ExitStatus.OK);
            assertThat(run.out()).contains("FAIL (expected) " + TEST_311, "  FAIL " + SECOND_CONNECT + " [3.1.1] ",
                    "(expected)", "known deviations: 2 FAIL/WARN results are listed",
                    "Result: no unexpected MUST failure (2 known deviations listed in the expectations file) (exit 0)");
        }
    }

    @Test
    void exitsWithOneWhenAFailureIsNotExpectedAndWritesItAsTheOneJUnitFailure() throws Exception {
        Path xml = dir.resolve("junit/mqtt.xml");
        try (ReferenceBroker broker = faulty()) {
            CliRun run = CliRun.of("--broker", url(broker), "--only", SECOND_CONNECT, "--expect",
                    expect(Expectations.Entry.ofTest(TEST_31, Verdict.WARN, REASON)).toString(),
                    "--junit-xml", xml.toString(), "--report", dir.toString());

            assertThat(run.code()).as(run.both()).isEqualTo(ExitStatus.FAILED);
            assertThat(run.out()).contains("FAIL " + TEST_311,
                    "Result: 1 test broke a MUST statement that the expectations file does not list (exit 1)");
        }
        List<Element> cases = secondConnectTestcases(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(xml.toFile()));
        assertThat(cases).hasSize(2);
        for (Element c : cases) {
            boolean v311 = c.getAttribute("name").contains("[3.1.1]");
            assertThat(c.getElementsByTagName("failure").getLength()).as(c.getAttribute("name"))
                    .isEqualTo(v311 ? 1 : 0);
            assertThat(properties(c)).contains(v311 ? SECOND_CONNECT : "MQTTv3.1-3.1-7");
        }
    }

    @Test
    void reportsAnExpectedFailureThatWentAwayAsFixedAndFailsOnlyWhenStrict() throws IOException {
        Path file = expect(Expectations.Entry.ofTest(TEST_311, Verdict.FAIL, REASON));
        try (ReferenceBroker broker = ReferenceBroker.start(BrokerConfig.defaults())) {
            CliRun lenient = CliRun.of("--broker", url(broker), "--only", SECOND_CONNECT, "--expect", file.toString(),
                    "--report", dir.toString());
            CliRun strict = CliRun.of("--broker", url(broker), "--only", SECOND_CONNECT, "--expect", file.toString(),
                    "--strict-expectations", "--report", dir.toString());

            assertThat(lenient.code()).as(lenient.both()).isEqualTo(ExitStatus.OK);
            assertThat(lenient.out()).contains("fixed: " + TEST_311 + " passes, but the expectations file lists it "
                    + "as FAIL (" + REASON + "): remove that entry");
            assertThat(strict.code()).as(strict.both()).isEqualTo(ExitStatus.FAILED);
            assertThat(strict.out()).contains("fixed: " + TEST_311, "FAILED " + TEST_311,
                    "Result: 1 deviation listed in the expectations file no longer happens (--strict-expectations)");
        }
    }

    @Test
    void writesAnExpectationsFileThatTheNextRunAccepts() throws IOException {
        Path file = dir.resolve("ci/mqtt-expectations.json");
        try (ReferenceBroker broker = faulty()) {
            CliRun first = CliRun.of("--broker", url(broker), "--only", SECOND_CONNECT, "--write-expectations",
                    file.toString(), "--report", dir.toString());
            CliRun second = CliRun.of("--broker", url(broker), "--only", SECOND_CONNECT, "--expect", file.toString(),
                    "--report", dir.toString());

            assertThat(first.code()).as(first.both()).isEqualTo(ExitStatus.FAILED);
            assertThat(first.out()).contains("Expectations: 2 entries written to " + file.toAbsolutePath());
            String placeholder = ExpectationsDraft.placeholder(LocalDate.now(ZoneOffset.UTC));
            assertThat(Expectations.read(file).entries()).containsExactlyInAnyOrder(
                    Expectations.Entry.ofTest(TEST_311, Verdict.FAIL, placeholder),
                    Expectations.Entry.ofTest(TEST_31, Verdict.WARN, placeholder));
            assertThat(second.code()).as(second.both()).isEqualTo(ExitStatus.OK);
        }
    }

    private static List<Element> secondConnectTestcases(Document doc) {
        NodeList all = doc.getElementsByTagName("testcase");
        List<Element> cases = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element c = (Element) all.item(i);
            if (c.getAttribute("name").contains("closesConnectionOnSecondConnect")) {
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

    private Path expect(Expectations.Entry... entries) throws IOException {
        Path file = dir.resolve("expectations.json");
        new Expectations("reference broker with ACCEPT_SECOND_CONNECT", List.of(entries)).write(file);
        return file;
    }
}
