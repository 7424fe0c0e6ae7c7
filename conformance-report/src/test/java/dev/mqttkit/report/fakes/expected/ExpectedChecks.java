package dev.mqttkit.report.fakes.expected;

import dev.mqttkit.contract.Expectation.Status;
import dev.mqttkit.contract.Verdict;
import dev.mqttkit.report.fakes.Entries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.fail;

/** A broker with an expectations file: known deviations, a new failure and warning, and a deviation that went away. */
@EnabledIfSystemProperty(named = Entries.ENABLED, matches = "true")
public class ExpectedChecks {

    public static final String KNOWN_FAIL = "keeps the first connection open (tracked upstream as issue 12)";
    public static final String KNOWN_WARN = "keep-alive grace is configurable and set high here";
    public static final String GONE = "used to drop retained QoS 0 messages";

    @BeforeEach
    void target(TestReporter reporter) {
        Entries.target(reporter, "known-broker", "KnownMQ 3.2");
    }

    @Test
    void rejectsSecondConnect(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.0-2");
        Entries.connectTranscript(reporter, 1);
        Entries.verdict(reporter, "ExpectedChecks#rejectsSecondConnect [3.1.1]", Verdict.FAIL,
                "second CONNECT accepted");
        Entries.expected(reporter, Status.EXPECTED, Verdict.FAIL, KNOWN_FAIL);
        fail("second CONNECT accepted");
    }

    @Test
    void closesOnInvalidWillQos(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.2-14");
        Entries.verdict(reporter, "ExpectedChecks#closesOnInvalidWillQos [3.1.1]", Verdict.FAIL,
                "CONNACK 0x00 for will QoS 3");
        fail("CONNACK 0x00 for will QoS 3");
    }

    @Test
    void keepsAliveLoosely(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.2-24");
        Entries.verdict(reporter, "ExpectedChecks#keepsAliveLoosely [3.1.1]", Verdict.WARN, "closed late");
        Entries.expected(reporter, Status.EXPECTED, Verdict.WARN, KNOWN_WARN);
    }

    @Test
    void answersSubscribeWithSuback(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.8.4-1");
        Entries.verdict(reporter, "ExpectedChecks#answersSubscribeWithSuback [3.1.1]", Verdict.WARN,
                "SUBACK 0x80 for a valid filter");
    }

    @Test
    void keepsRetainedQos0(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.3.1-5");
        Entries.verdict(reporter, "ExpectedChecks#keepsRetainedQos0 [3.1.1]", Verdict.PASS, null);
        Entries.expected(reporter, Status.FIXED, Verdict.FAIL, GONE);
    }

    @Test
    void acceptsConnect(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.0-1");
        Entries.verdict(reporter, "ExpectedChecks#acceptsConnect [3.1.1]", Verdict.PASS, null);
    }
}
