package dev.mqttkit.report.fakes.passing;

import dev.mqttkit.contract.EntryKey;

import dev.mqttkit.report.fakes.Entries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** A target that passes everything it is asked; it echoes the broker URL it was given as its description. */
@EnabledIfSystemProperty(named = Entries.ENABLED, matches = "true")
class PassingChecks {

    private static void target(TestReporter reporter) {
        reporter.publishEntry(EntryKey.TARGET.key(), "{\"name\": \"good-broker\", \"description\": \"given "
                + System.getProperty("mqtt.broker") + " only " + System.getProperty("mqtt.only")
                + "\", \"url\": \"tcp://127.0.0.1:1884\", \"broker\": \"GoodMQ 2.0\"}");
    }

    @Test
    void acceptsConnect(TestReporter reporter) {
        target(reporter);
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.0-1");
        Entries.connectTranscript(reporter, -1);
    }

    @Test
    void failsOnlyASuggestion(TestReporter reporter) {
        target(reporter);
        Entries.test(reporter, "3.1.1", "SHOULD", "MQTT-3.1.2-24");
        throw new AssertionError("a SHOULD test that failed outright");
    }
}
