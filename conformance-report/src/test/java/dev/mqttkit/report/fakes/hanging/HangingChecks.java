package dev.mqttkit.report.fakes.hanging;

import dev.mqttkit.report.fakes.Entries;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A run that gets stuck: the second test waits (bounded) until the JVM is stopped from outside. */
@EnabledIfSystemProperty(named = Entries.ENABLED, matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class HangingChecks {

    /** File the stuck test creates once it is stuck, so the stopping side knows when to stop. */
    public static final String MARKER = "mqttkit.report.fakes.marker";

    @Test
    @Order(1)
    void acceptsConnect(TestReporter reporter) {
        Entries.target(reporter, "stuck-broker", null);
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.1.0-1");
    }

    @Test
    @Order(2)
    void waitsForAnAnswerThatNeverComes(TestReporter reporter) throws IOException, InterruptedException {
        Entries.target(reporter, "stuck-broker", null);
        Entries.test(reporter, "3.1.1", "MUST", "MQTT-3.3.4-1");
        Files.writeString(Path.of(System.getProperty(MARKER)), "stuck");
        new CountDownLatch(1).await(60, TimeUnit.SECONDS);
    }
}
