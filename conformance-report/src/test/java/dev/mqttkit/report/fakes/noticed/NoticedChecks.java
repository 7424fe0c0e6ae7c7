package dev.mqttkit.report.fakes.noticed;

import static org.junit.jupiter.api.Assertions.fail;

import dev.mqttkit.contract.Verdict;
import dev.mqttkit.report.fakes.Entries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The test that noticed a broker stop, as the suite ends it: its own check could not be made, so it publishes
 * INCONCLUSIVE, and it fails in JUnit only so that a build cannot overlook an unexpected cascade.
 */
@EnabledIfSystemProperty(named = Entries.ENABLED, matches = "true")
public class NoticedChecks {
    public static final String KEY = "NoticedChecks#subscribesWhileTheBrokerStops [3.1.1]";

    @Test
    void subscribesWhileTheBrokerStops(TestReporter reporter) {
        Entries.target(reporter, "stopping-broker", "StopMQ 1.0");
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.8.4-1");
        Entries.verdict(reporter, KEY, Verdict.INCONCLUSIVE, "not checked: no SUBACK within 3000 ms");
        Entries.cascade(reporter, KEY, "3 of 3 new connections got no CONNACK within 3000 ms");
        fail("the broker stopped answering after this test");
    }
}
