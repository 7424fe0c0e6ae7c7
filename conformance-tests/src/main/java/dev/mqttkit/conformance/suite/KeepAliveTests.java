package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.conformance.client.Closure;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.probe.SchedulingLag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Keep alive and PINGREQ (MQTT 3.1.1 sections 3.1.2.10 and 3.12). Times are measured, not assumed: the close time of
 * a silent client is reported, and judged against one and a half keep-alive intervals with a tolerance that grows
 * with the round trip measured on the same connection, so a verdict does not change with the load of the machine.
 */
@ConformanceTest
class KeepAliveTests {
    private static final int KEEP_ALIVE_SECONDS = 1;
    private static final long LIMIT_MILLIS = KEEP_ALIVE_SECONDS * 1500L;
    /** Silent clients, falling silent a fifth of a second apart. */
    private static final int SILENT_CLIENTS = 5;

    @MqttTest
    @Statements({"MQTT-3.12.4-1"})
    void answersEveryPingreqWithPingresp(@Connected ScriptedClient c) {
        for (int i = 0; i < 3; i++) {
            c.send(Pingreq.INSTANCE);
            c.expect(Match.pingresp());
        }
    }

    /**
     * Several silent clients, each falling silent at another moment of one second: a broker that checks its
     * deadlines once a second closes one of them almost a second late every time, one that keeps exact deadlines
     * closes all of them on time. Meanwhile a witness connection pings the broker over and over: the longest round
     * trip around a client's deadline is how far the broker (or this machine) lags at that moment, and is added to
     * the tolerance for that client, so load on the machine does not make a broker late.
     */
    @MqttTest
    @Statements({"MQTT-3.1.2-24", "MQTTv3.1-2.2-7"})
    void disconnectsClientSilentForOneAndAHalfKeepAliveIntervals(Harness mqtt, @Connected ScriptedClient witness) {
        try (SchedulingLag lag = SchedulingLag.measure()) {
            judgeSilentClients(mqtt, witness, lag);
        }
    }

    private static void judgeSilentClients(Harness mqtt, ScriptedClient witness, SchedulingLag schedulingLag) {
        List<ScriptedClient> silent = new ArrayList<>();
        // The broker restarts a client's clock when it reads the PINGREQ: after it was sent, before it was answered.
        long[] lastSent = new long[SILENT_CLIENTS];
        long[] answered = new long[SILENT_CLIENTS];
        for (int i = 0; i < SILENT_CLIENTS; i++) {
            if (i > 0) {
                witness.takePacket(Duration.ofMillis(1000 / SILENT_CLIENTS));
            }
            ScriptedClient c = mqtt.client("silent" + i);
            c.connect(c.connectPacket(true, KEEP_ALIVE_SECONDS));
            silent.add(c);
            lastSent[i] = System.nanoTime();
            c.send(Pingreq.INSTANCE);
            c.expect(Match.pingresp());
            answered[i] = System.nanoTime();
        }
        long[] closedAt = new long[SILENT_CLIENTS];
        List<long[]> roundTrips = new ArrayList<>();
        long never = lastSent[SILENT_CLIENTS - 1] + TimeUnit.MILLISECONDS.toNanos(4 * LIMIT_MILLIS);
        int open = SILENT_CLIENTS;
        while (open > 0 && System.nanoTime() < never) {
            long sent = System.nanoTime();
            witness.send(Pingreq.INSTANCE);
            witness.expect(Match.pingresp());
            roundTrips.add(new long[] {sent, System.nanoTime() - sent});
            for (int i = 0; i < SILENT_CLIENTS; i++) {
                if (closedAt[i] != 0) {
                    continue;
                }
                Closure c = silent.get(i).awaitAnswer(Duration.ZERO);
                if (!c.before().isEmpty() && !Closure.announcesClose(c.before().get(0))) {
                    throw silent.get(i).fail("sent " + c.before().get(0).summary() + " to a client that was silent");
                }
                if (c.closed()) {
                    closedAt[i] = c.closedAtNanos();
                    open--;
                }
            }
            witness.takePacket(Duration.ofMillis(20));
        }
        long base = mqtt.timeouts().scaled(Duration.ofMillis(150)).toMillis();
        long latestLate = Long.MIN_VALUE;
        long earliest = Long.MAX_VALUE;
        String worst = "";
        for (int i = 0; i < SILENT_CLIENTS; i++) {
            if (closedAt[i] == 0) {
                throw silent.get(i).fail("kept a client with keep alive " + KEEP_ALIVE_SECONDS + " s open through "
                        + TimeUnit.NANOSECONDS.toMillis(never - lastSent[i]) + " ms of silence (limit " + LIMIT_MILLIS
                        + " ms)");
            }
            long silence = TimeUnit.NANOSECONDS.toMillis(closedAt[i] - lastSent[i]);
            long lag = lagAround(roundTrips, lastSent[i] + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS - 200),
                    closedAt[i]);
            long late = TimeUnit.NANOSECONDS.toMillis(closedAt[i] - answered[i]) - LIMIT_MILLIS - base - lag;
            earliest = Math.min(earliest, silence);
            if (late > latestLate) {
                latestLate = late;
                worst = silence + " ms of silence, with the broker answering the witness within " + lag + " ms then";
            }
        }
        String measured = "closed after " + earliest + " ms of silence at the earliest; the latest: " + worst
                + " (limit " + LIMIT_MILLIS + " ms, tolerance " + base + " ms plus that round trip)";
        if (latestLate > 0 && latestLate <= schedulingLag.worstMillis()) {
            mqtt.inconclusive("a close " + latestLate + " ms past the tolerance, while this machine woke the suite's"
                    + " threads up to " + schedulingLag.worstMillis() + " ms late: the machine is too busy to check"
                    + " this (" + measured + ")");
        }
        if (latestLate > 0) {
            throw silent.get(0).fail("closed a silent connection late: " + measured);
        }
        mqtt.observed(measured);
        if (earliest < KEEP_ALIVE_SECONDS * 1000L - base) {
            mqtt.warn("closed a client before its keep-alive interval had passed: " + measured);
        }
    }

    /** The longest witness round trip started between {@code from} and {@code to}, in milliseconds. */
    private static long lagAround(List<long[]> roundTrips, long from, long to) {
        long lag = 0;
        for (long[] rt : roundTrips) {
            if (rt[0] >= from && rt[0] <= to) {
                lag = Math.max(lag, rt[1]);
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(lag);
    }

    /**
     * Pings more often than the keep alive asks, for longer than the broker's limit. MQTT says when the server must
     * close a silent client and nothing about closing one that keeps to its keep alive, so a broker that does is
     * warned, not failed: such clients cannot stay connected to it. If the suite's own client misses its keep alive
     * (a machine too busy to keep time), the test could not check anything and says so.
     */
    @MqttTest
    @Statements({"MQTT-3.1.2-24"})
    void keepsClientThatPingsWithinItsKeepAlive(Harness mqtt) {
        ScriptedClient c = mqtt.client("pinging");
        // The broker's clock starts at the CONNECT, so the first gap includes the wait for CONNACK.
        c.open();
        long last = System.nanoTime();
        c.handshake(c.connectPacket(true, KEEP_ALIVE_SECONDS));
        long longestGap = 0;
        long start = last;
        while ((System.nanoTime() - start) / 1_000_000 < LIMIT_MILLIS + 500) {
            c.takePacket(Duration.ofMillis(KEEP_ALIVE_SECONDS * 200L)).ifPresent(p -> {
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
            Optional<Packet> answer = c.takePacket(c.timeouts().expect());
            if (answer.isEmpty() && !c.isConnected()) {
                mqtt.warn("closed a client that sent a packet at least every " + longestGap / 1_000_000
                        + " ms, within its keep alive of " + KEEP_ALIVE_SECONDS + " s");
                return;
            }
            c.verify(Match.pingresp(), answer.orElseThrow(() -> c.fail("no PINGRESP within "
                    + c.timeouts().expect().toMillis() + " ms")));
        }
        mqtt.observed("kept a client that pinged every " + longestGap / 1_000_000 + " ms at most");
    }
}
