package dev.mqttkit.conformance.clientside;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.conformance.expect.Expectations;
import dev.mqttkit.contract.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
        List<ClientSuiteRun.Result> results = ClientSuiteRun.run(Map.of("mqtt.client", library.command(),
                "mqtt.target.name", name), true);
        Path reports = Path.of(System.getProperty("mqtt.report.dir", "target"));
        observed(name, results).write(reports.resolve(name + "-observed.json"));
        assertThat(results).as("client cases run against %s", name).hasSizeGreaterThan(40);
        assertThat(differences(expected, results)).as("verdicts of %s that differ from %s (observed in %s)", name,
                file, reports).isEmpty();
    }

    /**
     * Every finding (FAIL, WARN, INCONCLUSIVE) must be listed with its verdict, and every listed result must occur.
     * NOT_APPLICABLE is left out: the catalogue decides it (a 3.1 rule that binds the server only), not the library.
     */
    static List<String> differences(Expectations expected, List<ClientSuiteRun.Result> results) {
        List<String> out = new ArrayList<>();
        for (ClientSuiteRun.Result r : results) {
            Optional<Expectations.Entry> e = expected.find(r.key(), r.statements(), r.version(), r.verdict());
            if (listed(r.verdict()) && (e.isEmpty() || e.get().verdict() != r.verdict())) {
                out.add(r.key() + " was " + r.verdict() + e.map(x -> " (listed: " + x.verdict() + ")").orElse("")
                        + ": " + r.reason());
            }
        }
        for (Expectations.Entry e : expected.entries()) {
            Optional<ClientSuiteRun.Result> r = results.stream().filter(x -> x.key().equals(e.test())).findFirst();
            if (e.test() != null && (r.isEmpty() || r.get().verdict() != e.verdict())) {
                out.add(e.test() + " is listed as " + e.verdict() + " but was "
                        + r.map(x -> x.verdict() + ": " + x.reason()).orElse("not run"));
            }
        }
        return out;
    }

    private static boolean listed(Verdict v) {
        return v != Verdict.PASS && v != Verdict.NOT_APPLICABLE;
    }

    /** The results as an expectations file for a person to audit: every result but PASS, reason as found. */
    static Expectations observed(String target, List<ClientSuiteRun.Result> results) {
        return new Expectations(target, results.stream().filter(r -> listed(r.verdict()))
                .sorted(Comparator.comparing(ClientSuiteRun.Result::key))
                .map(r -> Expectations.Entry.ofTest(r.key(), r.verdict(), "TO AUDIT: " + r.reason())).toList());
    }
}
