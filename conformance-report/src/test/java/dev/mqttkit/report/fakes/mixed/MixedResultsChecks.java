package dev.mqttkit.report.fakes.mixed;

import dev.mqttkit.contract.EntryKey;

import dev.mqttkit.report.fakes.Entries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.fail;

/** One test per kind of outcome the report has to show, against one fake target. */
@EnabledIfSystemProperty(named = Entries.ENABLED, matches = "true")
class MixedResultsChecks {

    static final String HOSTILE = "broker said <script>alert('x')</script> & left";

    @BeforeEach
    void target(TestReporter reporter) {
        Entries.target(reporter, "fake-broker", "FakeMQ 1.0 <b>beta</b>");
    }

    @Test
    void acceptsConnect(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.0-1 MQTT-3.2.0-1");
        Entries.connectTranscript(reporter, -1);
    }

    @Test
    void rejectsSecondConnect(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.0-2");
        Entries.connectTranscript(reporter, 1);
        reporter.publishEntry(EntryKey.REASON.key(), HOSTILE);
        reporter.publishEntry(EntryKey.OBSERVED.key(), "CONNACK <0x00>");
        fail("expected the connection to be closed after the second CONNECT");
    }

    @Test
    void alsoChecksFirstConnectStatement(TestReporter reporter) {
        // Shares MQTT-3.1.0-1 with acceptsConnect, so that statement's verdict must be the worse of the two.
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.0-1");
        reporter.publishEntry(EntryKey.VERDICT.key(), "PASS");
        fail("a published PASS must not hide this failure");
    }

    @Test
    void keepsAliveLoosely(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MAY", "MQTT-3.1.2-24");
        reporter.publishEntry(EntryKey.VERDICT.key(), "WARN");
        reporter.publishEntry(EntryKey.REASON.key(), "the broker waited 2.5 times the keep alive");
    }

    @Test
    void rejectsWildcardsWhenUnsupported(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.8.3-2");
        Assumptions.assumeTrue(false, "the broker supports wildcards");
    }

    @Test
    void roundTripsAnyPublish(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.3.2-1");
        reporter.publishEntry(EntryKey.PROPERTY.key(),
                "{\"seed\": 424242, \"examples\": 200, \"counterexample\": \"PUBLISH (d0, q1, r0, m1, '</pre>x')\"}");
        fail("counterexample found");
    }

    @Test
    void followsScenario(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.3.4-1");
        reporter.publishEntry(EntryKey.SCENARIO.key(), "send CONNECT c1\nexpect CONNACK 0\n# <not a tag>");
    }

    @Test
    void retainsForNewSubscribersIn31(TestReporter reporter) {
        Entries.test(reporter, "3.1", "SHOULD", "MQTTv3.1-2.1-3 MQTT-3.3.1-6");
    }
}
