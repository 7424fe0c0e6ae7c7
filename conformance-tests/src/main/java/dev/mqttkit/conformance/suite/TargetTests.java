package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.fail;

import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.ReachabilityCheck;
import dev.mqttkit.conformance.junit.RunContext;
import dev.mqttkit.contract.EntryKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Whether the target can be reached at all: it started, accepts connections, and accepts a CONNECT of at least one
 * of the configured protocol versions (asked once, when the run starts). When it cannot, this is the one test that
 * runs (every other class is skipped) and its {@code mqttkit.target.error} is what the report shows instead of a
 * wall of identical failures.
 */
@ConformanceTest
@ReachabilityCheck
class TargetTests {

    @Test
    void brokerAcceptsAConnection(RunContext run, TestReporter reporter) {
        String error = run.targetError();
        try {
            reporter.publishEntry(EntryKey.TARGET.key(), run.targetFacts().toJson());
        } catch (RuntimeException e) {
            // The target did not start: there is nothing to describe, the error says why.
        }
        if (error != null) {
            reporter.publishEntry(EntryKey.TARGET_ERROR.key(), error);
            fail(error);
        }
    }
}
