package dev.mqttkit.conformance.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A broker's known deviations ({@code verdicts} per test, each with the statement and why) and the check that a run
 * matches them exactly: a new failure and a deviation that disappeared both count as a change.
 */
final class Baseline {
    private Baseline() {
    }

    static void assertMatches(String resource, List<SuiteRun.Result> results, String observedFile)
            throws IOException {
        Map<String, Set<String>> allowed = new TreeMap<>();
        try (InputStream in = Baseline.class.getResourceAsStream(resource)) {
            for (JsonNode d : new ObjectMapper().readTree(in).path("deviations")) {
                allowed.put(d.path("test").asText(), Set.of(d.path("verdicts").asText().split("\\|")));
            }
        }
        List<String> changes = new ArrayList<>();
        ObjectNode observed = new ObjectMapper().createObjectNode();
        Set<String> seen = new HashSet<>();
        for (SuiteRun.Result r : results) {
            seen.add(r.key());
            Set<String> ok = allowed.getOrDefault(r.key(), Set.of("PASS", "NOT_APPLICABLE"));
            if (!r.verdict().equals("PASS")) {
                observed.put(r.key(), r.verdict() + ": " + r.reason());
            }
            if (!ok.contains(r.verdict())) {
                changes.add(r.key() + " was " + r.verdict() + " (baseline: " + ok + "): " + r.reason());
            }
        }
        for (String test : allowed.keySet()) {
            if (!seen.contains(test)) {
                changes.add(test + " is in the baseline but did not run");
            }
        }
        Path out = Path.of(System.getProperty("mqtt.report.dir", "target"), observedFile);
        Files.createDirectories(out.getParent());
        Files.writeString(out, observed.toPrettyString());
        assertThat(results).as("tests run").hasSizeGreaterThan(100);
        assertThat(changes).as("verdicts that differ from %s (observed verdicts written to %s)", resource, out)
                .isEmpty();
    }
}
