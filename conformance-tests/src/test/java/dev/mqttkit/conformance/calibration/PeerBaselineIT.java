package dev.mqttkit.conformance.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.conformance.expect.Expectations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole suite against third-party brokers, three times each with a freshly started broker, compared exactly with
 * the audited expectations file of each ({@code src/test/resources/expectations/<broker>.json}: every deviation with
 * the statement and why it is one). A verdict that changes, or differs between the three runs, fails the build: on
 * a broker that is not ours, the suite's faults and the broker's must not be confused. What a run observed is written
 * next to the reports ({@code <broker>-observed-<n>.json}, with the run's results as {@code <broker>-results-<n>.json})
 * for the audit.
 */
class PeerBaselineIT {
    static final int RUNS = 3;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(PeerBroker.Kind.class)
    void verdictsMatchTheAuditedExpectationsInEveryRun(PeerBroker.Kind kind) throws Exception {
        PeerBroker.Availability availability = PeerBroker.availability(kind);
        Assumptions.assumeTrue(availability.available(), availability::reason);
        String name = kind.name().toLowerCase(Locale.ROOT);
        Path file = Path.of("src/test/resources/expectations", name + ".json");
        Expectations expected = Files.exists(file) ? Expectations.read(file) : Expectations.none();
        Path reports = Path.of(System.getProperty("mqtt.report.dir", "target"));
        List<String> differences = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            List<SuiteRun.Result> results;
            try (PeerBroker broker = PeerBroker.start(kind, Files.createDirectories(dir.resolve("run" + run)))) {
                results = SuiteRun.run(Map.of("mqtt.broker", broker.url(), "mqtt.target.name", name,
                        "mqtt.prefix", "k" + name.charAt(0)), true);
                ExpectedVerdicts.observed(broker.name() + " " + broker.version(), results)
                        .write(reports.resolve(name + "-observed-" + run + ".json"));
                // Each run's transcripts, for the audit of a verdict that differs between runs.
                Path page = reports.resolve(name).resolve("results.json");
                if (Files.exists(page)) {
                    Files.copy(page, reports.resolve(name + "-results-" + run + ".json"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            assertThat(results).as("tests run against %s", name).hasSizeGreaterThan(100);
            int n = run;
            ExpectedVerdicts.differences(expected, results).forEach(d -> differences.add("run " + n + ": " + d));
        }
        assertThat(differences).as("verdicts against %s that differ from %s (observed verdicts in %s)", name, file,
                reports).isEmpty();
    }
}
