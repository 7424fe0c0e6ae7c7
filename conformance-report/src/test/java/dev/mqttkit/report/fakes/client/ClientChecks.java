package dev.mqttkit.report.fakes.client;

import dev.mqttkit.contract.EntryKey;
import dev.mqttkit.contract.TargetFacts;
import dev.mqttkit.contract.Verdict;
import dev.mqttkit.report.fakes.Entries;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** A client library as the client suite describes it: one case that passes, one that fails. */
@EnabledIfSystemProperty(named = Entries.ENABLED, matches = "true")
class ClientChecks {

    private static void target(TestReporter reporter) {
        reporter.publishEntry(EntryKey.TARGET.key(), new TargetFacts("fake-client", "client library driven by: fake",
                null, null, "FakeClient 3.0", Map.of(), TargetFacts.Kind.CLIENT).toJson());
    }

    @Test
    void sendsConnectFirst(TestReporter reporter) {
        target(reporter);
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.0-1");
        Entries.verdict(reporter, "ConnectTests#sendsConnectAsItsFirstPacket [3.1.1]", Verdict.PASS, null);
    }

    @Test
    void resendsWithDup(TestReporter reporter) {
        target(reporter);
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.3.1-1");
        Entries.verdict(reporter, "SessionTests#resends [3.1.1]", Verdict.FAIL, "resent with DUP 0");
        throw new AssertionError("resent with DUP 0");
    }
}
