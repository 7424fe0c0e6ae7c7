package dev.mqttkit.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.contract.EntryKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The progress output, driven by a real launcher over a fixture class that publishes what conformance tests publish,
 * with a clock that moves on by a fixed step at every reading, so that when a progress line is due does not depend
 * on the machine.
 */
class ProgressListenerTests {

    /** Three tests as the suite reports them: a PASS, a FAIL, and the reachability check that failed. */
    static class Fixture {
        @Test
        void passes(TestReporter r) {
            r.publishEntry(Map.of(EntryKey.TEST_KEY.key(), "FixtureTests#passes [3.1.1]",
                    EntryKey.VERDICT.key(), "PASS"));
        }

        @Test
        void fails(TestReporter r) {
            r.publishEntry(Map.of(EntryKey.TEST_KEY.key(), "FixtureTests#fails [3.1.1]", EntryKey.VERDICT.key(),
                    "FAIL", EntryKey.STATEMENTS.key(), "MQTT-3.12.4-1", EntryKey.REASON.key(),
                    "no PINGRESP within 3000 ms\nand a second line that is not shown"));
            throw new AssertionError("no PINGRESP");
        }

        @Test
        void cannotReachTheBroker(TestReporter r) {
            r.publishEntry(EntryKey.TARGET_ERROR.key(), "cannot connect");
            throw new AssertionError("cannot connect");
        }
    }

    @Test
    void printsEachFailureOnceAndAPlainProgressLineWhenOneIsDue() {
        String out = run(false, Duration.ofSeconds(11));

        assertThat(out.lines().filter(l -> l.startsWith("FAIL "))).containsExactly(
                "FAIL FixtureTests#fails [3.1.1] MQTT-3.12.4-1 \u2014 no PINGRESP within 3000 ms");
        assertThat(out).contains("tests done, 1 failed").doesNotContain("\r", "cannot connect", "passes [3.1.1]");
    }

    @Test
    void printsNoPlainProgressLineBeforeOneIsDue() {
        String out = run(false, Duration.ofMillis(1));

        assertThat(out.lines()).containsExactly(
                "FAIL FixtureTests#fails [3.1.1] MQTT-3.12.4-1 \u2014 no PINGRESP within 3000 ms");
    }

    @Test
    void rewritesOneLineOnATerminalAndClearsItAtTheEnd() {
        String out = run(true, Duration.ofSeconds(1));

        assertThat(out).contains("\r2/2 tests done, 1 failed  ProgressListenerTests$Fixture#",
                "FAIL FixtureTests#fails [3.1.1] MQTT-3.12.4-1");
        String last = out.substring(out.lastIndexOf('\r', out.length() - 2));
        assertThat(last.strip()).as("what is left on the line").isEmpty();
    }

    private static String run(boolean terminal, Duration step) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressListener listener = new ProgressListener(out, 2, terminal, 200, new SteppingClock(step));
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(listener).build())
                .execute(request().selectors(selectClass(Fixture.class))
                        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false").build());
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A clock that is {@code step} later at every reading. */
    private static final class SteppingClock extends Clock {
        private final Duration step;
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        SteppingClock(Duration step) {
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plus(step);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
