package dev.mqttkit.report.fakes.cascade;

import dev.mqttkit.contract.Verdict;
import dev.mqttkit.report.fakes.Entries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A broker that refused MQTT 3.1 when the run began and stopped answering after one test: later tests end
 * INCONCLUSIVE, the 3.1 tests NOT_SUPPORTED, the way the suite ends them.
 */
@EnabledIfSystemProperty(named = Entries.ENABLED, matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CascadeChecks {

    public static final String CULPRIT = "CascadeChecks#floodsTheBroker [3.1.1]";
    public static final String EVIDENCE = "4 of 4 new connections got no CONNACK within 3000 ms";
    public static final String REFUSED = "closed the connection without CONNACK";
    static final String STOPPED = "not checked: the broker stopped answering after " + CULPRIT + " (" + EVIDENCE + ")";

    @BeforeEach
    void target(TestReporter reporter) {
        Entries.target(reporter, "stalling-broker", "StallMQ 0.9", Map.of("3.1", REFUSED));
    }

    @Test
    @Order(1)
    void acceptsConnect(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.0-1");
        Entries.verdict(reporter, "CascadeChecks#acceptsConnect [3.1.1]", Verdict.PASS, null);
    }

    @Test
    @Order(2)
    void keepsAliveLoosely(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.2-24");
        Entries.verdict(reporter, "CascadeChecks#keepsAliveLoosely [3.1.1]", Verdict.WARN,
                "closed after 2.5 times the keep alive");
    }

    @Test
    @Order(3)
    void floodsTheBroker(TestReporter reporter) {
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.3.1-1");
        Entries.connectTranscript(reporter, 1);
        Entries.verdict(reporter, CULPRIT, Verdict.FAIL, "no PUBACK within 3000 ms");
        Entries.cascade(reporter, CULPRIT, EVIDENCE);
        fail("no PUBACK within 3000 ms");
    }

    @Test
    @Order(4)
    void keepsRetainedMessages(TestReporter reporter) {
        // Shares MQTT-3.1.0-1 with a passing test: the statement was not checked in full.
        notChecked(reporter, "keepsRetainedMessages", "MQTT-3.1.0-1 MQTT-3.3.1-6");
    }

    @Test
    @Order(5)
    void pingsWithinKeepAlive(TestReporter reporter) {
        // Shares MQTT-3.1.2-24 with a warning: the warning must stay visible.
        notChecked(reporter, "pingsWithinKeepAlive", "MQTT-3.1.2-24");
    }

    @Test
    @Order(6)
    void acknowledgesUnsubscribe(TestReporter reporter) {
        // A later notice of the same stop: the first one names the culprit.
        Entries.cascade(reporter, CULPRIT, "noticed again later");
        notChecked(reporter, "acknowledgesUnsubscribe", "MQTT-3.10.4-4");
    }

    @Test
    @Order(7)
    void connectsWithMqtt31(TestReporter reporter) {
        Entries.test(reporter, "3.1", "MUST", "MQTTv3.1-2.1-3");
        Entries.verdict(reporter, "CascadeChecks#connectsWithMqtt31 [3.1]", Verdict.NOT_SUPPORTED,
                "the broker does not support MQTT 3.1: it " + REFUSED + " when the run began");
        Assumptions.abort("not supported");
    }

    private static void notChecked(TestReporter reporter, String method, String statements) {
        Entries.test(reporter, "3.1.1", "MUST", statements);
        Entries.verdict(reporter, "CascadeChecks#" + method + " [3.1.1]", Verdict.INCONCLUSIVE, STOPPED);
        Assumptions.abort(STOPPED);
    }
}
