package dev.mqttkit.conformance.suite;

import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.client.Transcript;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Whether the target can be reached at all: the report shows this test's {@code mqttkit.target.error} instead of a
 * wall of identical failures when the broker is down or the URL is wrong.
 */
@ConformanceTest
class TargetTests {

    @Test
    void brokerAcceptsAConnection(RunContext run, TestReporter reporter) {
        try {
            reporter.publishEntry("mqttkit.target", run.targetJson());
            try (ScriptedClient c = new ScriptedClient("reach", run.uniqueName("reach"),
                    run.config().versions().get(run.config().versions().size() - 1), run.target().endpoint(),
                    new Transcript(), run.timeouts(), run.config().userName(),
                    run.config().password() == null ? null
                            : dev.mqttkit.codec.packet.Payload.utf8(run.config().password()))) {
                c.connect();
                c.disconnect();
            }
        } catch (RuntimeException | AssertionError e) {
            reporter.publishEntry("mqttkit.target.error", String.valueOf(e.getMessage()));
            throw e;
        }
    }
}
