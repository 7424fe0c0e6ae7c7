package dev.mqttkit.report.model;

import dev.mqttkit.contract.Level;
import dev.mqttkit.contract.Verdict;

import java.util.List;

/**
 * Verdict of one statement for one protocol version: the worst verdict of the tests that checked it, or UNTESTED.
 *
 * @param group   heading it is listed under, e.g. {@code 3} for 3.1.1 chapters or {@code 3.1} sections of 3.1
 * @param tests   anchors of the tests that checked it, in the order of the target page
 */
public record StatementResult(String version, String id, Level level, String group, String section,
                              String sectionTitle, String paraphrase, boolean inCatalogue, boolean observable,
                              String notObservableReason, Verdict verdict, List<String> tests) {

    public StatementResult {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    /** Fragment id of the statement's row, e.g. {@code s-3.1.1-MQTT-3.1.0-2}. */
    public String anchor() {
        return anchor(version, id);
    }

    public static String anchor(String version, String id) {
        return "s-" + version + "-" + id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
