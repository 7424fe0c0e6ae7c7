package dev.mqttkit.report.fakes;

import dev.mqttkit.contract.Cascade;
import dev.mqttkit.contract.EntryKey;
import dev.mqttkit.contract.Expectation;
import dev.mqttkit.contract.TargetFacts;
import dev.mqttkit.contract.Verdict;

import org.junit.jupiter.api.TestReporter;

import java.util.Map;

/**
 * Publishes contract entries the way the suite does, for the fake test classes below. The fakes run only when a
 * report test launches them (system property {@value #ENABLED}), never on their own in Surefire or an IDE.
 */
public final class Entries {

    public static final String ENABLED = "mqttkit.report.fakes";

    private Entries() {
    }

    public static void target(TestReporter reporter, String name, String broker) {
        reporter.publishEntry(EntryKey.TARGET.key(), "{\"name\": \"" + name + "\", \"description\": \"fake broker "
                + name + " at 127.0.0.1:1883\", \"url\": \"tcp://127.0.0.1:1883\", \"image\": null, \"broker\": "
                + (broker == null ? "null" : "\"" + broker + "\"") + "}");
    }

    /** A target as the suite describes it, with the protocol versions it refused when the run began. */
    public static void target(TestReporter reporter, String name, String broker, Map<String, String> unsupported) {
        reporter.publishEntry(EntryKey.TARGET.key(), new TargetFacts(name, "fake broker " + name,
                "tcp://127.0.0.1:1883", null, broker, unsupported).toJson());
    }

    /** The suite's ending of a test: its key, and a verdict with its reason. */
    public static void verdict(TestReporter reporter, String testKey, Verdict verdict, String reason) {
        reporter.publishEntry(EntryKey.TEST_KEY.key(), testKey);
        reporter.publishEntry(EntryKey.VERDICT.key(), verdict.name());
        if (reason != null) {
            reporter.publishEntry(EntryKey.REASON.key(), reason);
        }
    }

    public static void cascade(TestReporter reporter, String culprit, String evidence) {
        reporter.publishEntry(EntryKey.CASCADE.key(), new Cascade(culprit, evidence, false).toJson());
    }

    public static void expected(TestReporter reporter, Expectation.Status status, Verdict verdict, String reason) {
        reporter.publishEntry(EntryKey.EXPECTED.key(), new Expectation(status, verdict, reason).toJson());
    }

    public static void test(TestReporter reporter, String version, String level, String statements) {
        reporter.publishEntry(EntryKey.VERSION.key(), version);
        reporter.publishEntry(EntryKey.LEVEL.key(), level);
        reporter.publishEntry(EntryKey.STATEMENTS.key(), statements);
    }

    /** A CONNECT/CONNACK exchange; {@code failAt} marks that step (0 or 1) as the failing one, -1 for none. */
    public static void connectTranscript(TestReporter reporter, int failAt) {
        reporter.publishEntry(EntryKey.TRANSCRIPT.key(), "["
                + "{\"conn\": \"c1\", \"seq\": 0, \"dir\": \"out\", \"tMicros\": 1000, "
                + "\"hex\": \"10 0e 00 04 4d 51 54 54 04 02 00 3c 00 02 63 31\", "
                + "\"summary\": \"CONNECT ('c1', v4, c1, k60)\", \"violations\": [], \"failed\": " + (failAt == 0)
                + "},"
                + "{\"conn\": \"c1\", \"seq\": 1, \"dir\": \"in\", \"tMicros\": 3500, \"hex\": \"20 02 00 00\", "
                + "\"summary\": \"CONNACK (0, 0)\", \"violations\": "
                + (failAt == 1 ? "[\"MQTT-3.1.0-2: second CONNECT <accepted>\"]" : "[]")
                + ", \"failed\": " + (failAt == 1) + "},"
                + "{\"conn\": \"c1\", \"seq\": 2, \"dir\": \"event\", \"tMicros\": 9000, \"hex\": \"\", "
                + "\"summary\": \"connection closed by broker\", \"violations\": [], \"failed\": false}]");
    }
}
