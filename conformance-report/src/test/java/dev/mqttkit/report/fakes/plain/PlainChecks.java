package dev.mqttkit.report.fakes.plain;

import dev.mqttkit.report.fakes.Entries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.fail;

/** An ordinary unit test class: it publishes entries, but none of the contract's. */
@EnabledIfSystemProperty(named = Entries.ENABLED, matches = "true")
class PlainChecks {

    @Test
    void publishesSomethingElse(TestReporter reporter) {
        reporter.publishEntry("note", "hello");
    }

    @Test
    void fails() {
        fail("an unrelated failure");
    }
}
