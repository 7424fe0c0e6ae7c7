package dev.mqttkit.conformance.clientside;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.conformance.calibration.ExpectedVerdicts;
import dev.mqttkit.conformance.calibration.SuiteRun;
import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.contract.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client suite against real client libraries (Paho Java, MQTT.js, Paho Python, through the drivers in
 * {@code clients/}), compared exactly with the audited expectations file of each
 * ({@code src/test/resources/expectations/clients/<library>.json}: every deviation with the statement and why it is
 * one). A verdict that changes fails the build. What the run observed is written next to the reports
 * ({@code <library>-observed.json}) for the audit, and the run's report pages land in the report folder like a
 * broker's. A library that is not installed is skipped with what installs it.
 */
class ClientLibrariesIT {

    @ParameterizedTest
    @EnumSource(ClientLibrary.class)
    void verdictsMatchTheAuditedExpectations(ClientLibrary library) throws Exception {
        Optional<String> missing = library.missing();
        Assumptions.assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
        String name = library.folder();
        Path file = Path.of("src/test/resources/expectations/clients", name + ".json");
        Expectations expected = Files.exists(file) ? Expectations.read(file) : Expectations.none();
        List<SuiteRun.Result> results = ClientSuiteRun.run(Map.of("mqtt.client", library.command(),
                "mqtt.target.name", name), true);
        Path reports = Path.of(System.getProperty("mqtt.report.dir", "target"));
        // Which client cases MQTT 3.1 leaves to the server alone is the catalogue's decision, not the library's.
        List<SuiteRun.Result> judged = results.stream().filter(r -> r.verdict() != Verdict.NOT_APPLICABLE).toList();
        ExpectedVerdicts.observed(name, judged).write(reports.resolve(name + "-observed.json"));
        assertThat(results).as("client cases run against %s", name).hasSizeGreaterThan(40);
        // An inconclusive case neither confirms nor contradicts the file, so a driver that stopped working would
        // agree with any file: most cases must reach a verdict.
        assertThat(judged).filteredOn(r -> r.verdict() == Verdict.INCONCLUSIVE).as("inconclusive cases of %s", name)
                .hasSizeLessThan(results.size() / 10);
        assertThat(ExpectedVerdicts.differences(expected, judged))
                .as("verdicts of %s that differ from %s (observed in %s)", name, file, reports).isEmpty();
    }
}
