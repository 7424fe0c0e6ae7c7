package dev.mqttkit.report.fakes.brokensetup;

import dev.mqttkit.contract.EntryKey;

import dev.mqttkit.report.fakes.Entries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Target set-up that fails for the whole class (a container that does not start), so no test in it runs. */
@EnabledIfSystemProperty(named = Entries.ENABLED, matches = "true")
class BrokenSetupChecks {

    @BeforeAll
    static void startBroker(TestReporter reporter) {
        Entries.target(reporter, "no-container", null);
        reporter.publishEntry(EntryKey.TARGET_ERROR.key(), "image eclipse-mosquitto:9 not found");
        throw new IllegalStateException("container did not start");
    }

    @Test
    void acceptsConnect(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.0-1");
    }
}
