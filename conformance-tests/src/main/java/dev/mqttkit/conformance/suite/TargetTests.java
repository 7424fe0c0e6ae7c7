package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.fail;

import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.client.Transcript;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.ReachabilityCheck;
import dev.mqttkit.conformance.junit.RunContext;
import dev.mqttkit.contract.EntryKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Whether the target can be reached at all. When it cannot, this is the one test that runs (every other class is
 * skipped) and its {@code mqttkit.target.error} is what the report shows instead of a wall of identical failures.
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
        if (error == null) {
            error = connectOnce(run);
        }
        if (error != null) {
            reporter.publishEntry(EntryKey.TARGET_ERROR.key(), error);
            fail(error);
        }
    }

    /** A CONNECT with the newest configured version and the configured credentials; null when it was accepted. */
    private static String connectOnce(RunContext run) {
        List<ProtocolVersion> versions = run.config().versions();
        Payload password = run.config().password() == null ? null : Payload.utf8(run.config().password());
        try (ScriptedClient c = new ScriptedClient("reach", run.uniqueName("reach"), versions.get(versions.size() - 1),
                run.target().endpoint(), new Transcript(), run.timeouts(), run.config().userName(), password)) {
            c.connect();
            c.disconnect();
            return null;
        } catch (RuntimeException | AssertionError e) {
            return String.valueOf(e.getMessage());
        }
    }
}
