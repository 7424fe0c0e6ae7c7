package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.conformance.client.Closure;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import java.time.Duration;

/**
 * Keep alive and PINGREQ (MQTT 3.1.1 sections 3.1.2.10 and 3.12). Times are measured, not assumed: the close time of
 * a silent client is reported, and judged against one and a half keep-alive intervals with a tolerance that grows
 * with the round trip measured on the same connection, so a verdict does not change with the load of the machine.
 */
@ConformanceTest
class KeepAliveTests {
    private static final int KEEP_ALIVE_SECONDS = 1;
    private static final long LIMIT_MILLIS = KEEP_ALIVE_SECONDS * 1500L;

    @MqttTest
    @Statements({"MQTT-3.12.4-1"})
    void answersEveryPingreqWithPingresp(@Connected ScriptedClient c) {
        for (int i = 0; i < 3; i++) {
            c.send(Pingreq.INSTANCE);
            c.expect(Match.pingresp());
        }
    }

    @MqttTest
    @Statements({"MQTT-3.1.2-24", "MQTTv3.1-2.2-7"})
    void disconnectsClientSilentForOneAndAHalfKeepAliveIntervals(Harness mqtt) {
        ScriptedClient c = mqtt.client("silent");
        c.connect(c.connectPacket(true, KEEP_ALIVE_SECONDS));
        long roundTrip = 0;
        long lastSent = 0;
        for (int i = 0; i < 3; i++) {
            lastSent = System.nanoTime();
            c.send(Pingreq.INSTANCE);
            c.expect(Match.pingresp());
            roundTrip = Math.max(roundTrip, System.nanoTime() - lastSent);
        }
        long tolerance = mqtt.timeouts().scaled(Duration.ofMillis(250)).toMillis() + 4 * roundTrip / 1_000_000;
        Duration never = Duration.ofMillis(4 * LIMIT_MILLIS + tolerance);
        Closure closure = c.awaitClosure(never);
        if (!closure.before().isEmpty()) {
            throw c.fail("sent " + closure.before().get(0).summary() + " to a client that was silent");
        }
        if (!closure.closed()) {
            throw c.fail("kept a client with keep alive " + KEEP_ALIVE_SECONDS + " s open through "
                    + never.toMillis() + " ms of silence (limit " + LIMIT_MILLIS + " ms)");
        }
        long silent = (closure.closedAtNanos() - lastSent) / 1_000_000;
        String measured = silent + " ms after the client's last packet (limit " + LIMIT_MILLIS + " ms, tolerance "
                + tolerance + " ms from a round trip of " + roundTrip / 1_000 + " \u00b5s)";
        if (silent > LIMIT_MILLIS + tolerance) {
            throw c.fail("closed the silent connection late: " + measured);
        }
        mqtt.observed("closed the silent connection " + measured);
        if (silent < KEEP_ALIVE_SECONDS * 1000L - tolerance) {
            mqtt.warn("closed a client before its keep-alive interval had passed: " + measured);
        }
    }

    /**
     * Pings more often than the keep alive asks, for longer than the broker's limit: the broker must keep the
     * client. If the suite's own client misses its keep alive (a machine too busy to keep time), the test could not
     * check anything and says so.
     */
    @MqttTest
    @Statements({"MQTT-3.1.2-24"})
    void keepsClientThatPingsWithinItsKeepAlive(Harness mqtt) {
        ScriptedClient c = mqtt.client("pinging");
        c.connect(c.connectPacket(true, KEEP_ALIVE_SECONDS));
        long last = System.nanoTime();
        long longestGap = 0;
        long start = last;
        while ((System.nanoTime() - start) / 1_000_000 < LIMIT_MILLIS + 500) {
            c.takePacket(Duration.ofMillis(KEEP_ALIVE_SECONDS * 400L)).ifPresent(p -> {
                throw c.fail("sent " + p.summary() + " to a client that only pings");
            });
            long now = System.nanoTime();
            longestGap = Math.max(longestGap, now - last);
            if (longestGap / 1_000_000 >= KEEP_ALIVE_SECONDS * 1000L) {
                mqtt.inconclusive("the suite's own client was " + longestGap / 1_000_000 + " ms late for its keep"
                        + " alive of " + KEEP_ALIVE_SECONDS + " s: the machine is too busy to check this");
            }
            last = now;
            c.send(Pingreq.INSTANCE);
            c.expect(Match.pingresp());
        }
        mqtt.observed("kept a client that pinged every " + longestGap / 1_000_000 + " ms at most");
    }
}
