package dev.mqttkit.report.fakes.unreachable;

import dev.mqttkit.contract.EntryKey;

import dev.mqttkit.report.fakes.Entries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The suite's reachability check when nothing listens on the port. The target is {@code gone-broker}, or the name in
 * {@value #TARGET}, to try an unreachable run of a target that has a report.
 */
@EnabledIfSystemProperty(named = Entries.ENABLED, matches = "true")
public class UnreachableChecks {

    public static final String TARGET = "mqttkit.report.fakes.target";

    @Test
    void brokerIsReachable(TestReporter reporter) {
        Entries.target(reporter, System.getProperty(TARGET, "gone-broker"), null);
        reporter.publishEntry(EntryKey.TARGET_ERROR.key(), "Connection refused: 127.0.0.1:1 <after 3 attempts>");
        Assumptions.abort("broker unreachable");
    }
}
