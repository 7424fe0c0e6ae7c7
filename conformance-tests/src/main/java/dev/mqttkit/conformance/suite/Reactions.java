package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.conformance.client.Closure;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.Harness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a broker answers a packet that breaks a rule, judged in one place for every test that sends one: the tests of
 * single rules and the malformed-packet corpus. Closing is what MQTT 3.1.1 asks (MQTT-4.8.0-1 or the rule's own
 * statement); what else a broker does is accepted where the text allows it and named. Whether keeping the connection
 * open is a FAIL or a WARN follows from the level of the test's statements in the version under test (MQTT 3.1
 * names no reaction to most errors), not from anything here.
 */
final class Reactions {
    private Reactions() {
    }

    /**
     * The broker must close the connection after {@code what}. When {@code probe} is set (the packet was sent whole,
     * so a broker that kept reading would see the next one) a PINGREQ follows it: a PINGRESP proves at once that the
     * connection stayed open, instead of waiting out the closure timeout.
     */
    static void closes(Harness mqtt, ScriptedClient c, String what, boolean probe) {
        Result r = await(c, probe);
        if (r.closed) {
            if (r.before.isEmpty()) {
                mqtt.observed("closed the connection without answering");
            } else if (r.before.size() == 1 && r.before.get(0) instanceof Connack ack && ack.returnCode() != 0) {
                mqtt.observed("refused it with " + ack.summary() + " and closed the connection");
            } else {
                mqtt.warn("closed the connection after " + what + " as required, but answered "
                        + summaries(r.before) + " first");
            }
            return;
        }
        throw c.fail("expected the connection to be closed after " + what + "; the broker " + r.describe(c));
    }

    /**
     * A CONNECT the broker must refuse with CONNACK {@code code} and then close (MQTT-3.1.2-2 for an unsupported
     * level, MQTT-3.1.3-8 and MQTTv3.1-3.1-1 for client ids). A broker that accepts it fails, unless
     * {@code mayBeSupported} (a protocol level the broker may well speak): then the test does not apply. One that
     * closes without the CONNACK fails the statement that names the code.
     */
    static void refusesConnect(Harness mqtt, ScriptedClient c, int code, String what, boolean mayBeSupported) {
        Result r = await(c, false);
        Optional<Connack> ack = r.before.stream().filter(Connack.class::isInstance).map(Connack.class::cast)
                .findFirst();
        if (mayBeSupported && ack.isPresent() && ack.get().returnCode() == Connack.ACCEPTED) {
            c.close();
            mqtt.notApplicable("the broker supports it: it accepted " + what);
        }
        if (ack.isEmpty()) {
            throw c.fail("expected CONNACK with return code " + code + " for " + what + "; the broker "
                    + r.describe(c));
        }
        if (ack.get().returnCode() != code) {
            throw c.fail("expected CONNACK with return code " + code + " for " + what + " but received "
                    + ack.get().summary());
        }
        if (!r.closed) {
            throw c.fail("refused " + what + " with " + ack.get().summary()
                    + " but kept the connection open for " + c.timeouts().closure().toMillis() + " ms");
        }
        mqtt.observed("refused it with " + ack.get().summary() + " and closed the connection");
    }

    /**
     * A SUBSCRIBE whose filter breaks the syntax of section 4.7: a protocol violation, so the connection should be
     * closed. SUBACK 0x80 is the code the specification gives a server for a subscription it does not grant, so a
     * broker that refuses the filter that way is not failed, only warned.
     */
    static void refusesFilter(Harness mqtt, ScriptedClient c, String what, boolean probe) {
        Result r = await(c, probe);
        if (!r.before.isEmpty() && r.before.get(0) instanceof Suback s && s.returnCodes().stream()
                .allMatch(code -> code == Suback.FAILURE)) {
            mqtt.observed("SUBACK 0x80" + (r.closed ? ", then closed the connection" : ""));
            mqtt.warn("answered " + what + " with SUBACK 0x80 instead of closing the connection (MQTT-4.8.0-1 asks"
                    + " for a close; 0x80 is the code for a subscription the server does not grant)");
            return;
        }
        if (r.closed && r.before.isEmpty()) {
            mqtt.observed("closed the connection without answering");
            return;
        }
        if (r.closed) {
            mqtt.warn("closed the connection after " + what + " as required, but answered "
                    + summaries(r.before) + " first");
            return;
        }
        throw c.fail("expected the connection to be closed (or SUBACK 0x80) after " + what + "; the broker "
                + r.describe(c));
    }

    /**
     * What came back: packets before the end (the PINGRESP of the probe left out: the specification does not order a
     * close against the answer to a packet read after the offending one), and whether the end came.
     */
    private record Result(List<Packet> before, boolean closed, String malformed, boolean answeredProbe,
                          Duration waited) {
        String describe(ScriptedClient c) {
            if (malformed != null) {
                return "sent bytes that are no MQTT packet: " + malformed;
            }
            String did = before.isEmpty() ? "did not answer" : "answered " + summaries(before);
            return answeredProbe ? did + " and answered the PINGREQ sent after it: the connection stayed open"
                    : did + " and kept the connection open for " + waited.toMillis() + " ms";
        }
    }

    /**
     * Collects what the broker sends until it closes the connection. Without a probe that takes the closure timeout
     * when the broker keeps the connection open; with one, the PINGRESP shows it read on, and after it the broker
     * gets the run's quiet period for anything it still had to say about the offending packet (an asynchronous
     * broker may answer the PINGREQ before it has finished with the packet before it).
     */
    private static Result await(ScriptedClient c, boolean probe) {
        if (probe) {
            c.send(Pingreq.INSTANCE);
        }
        Duration wait = c.timeouts().closure();
        long deadline = System.nanoTime() + wait.toNanos();
        List<Packet> before = new ArrayList<>();
        boolean answeredProbe = false;
        while (true) {
            var closure = c.awaitAnswer(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (closure.closed() || closure.malformed() != null) {
                return new Result(before, closure.closed(), closure.malformed(), false, wait);
            }
            if (closure.before().isEmpty()) {
                return new Result(before, false, null, answeredProbe, wait);
            }
            Packet p = closure.before().get(0);
            if (probe && !answeredProbe && p instanceof Pingresp) {
                answeredProbe = true;
                deadline = Math.min(deadline, System.nanoTime() + c.quietPeriod().toNanos());
            } else if (!Closure.announcesClose(p)) {
                before.add(p);
            }
        }
    }

    private static String summaries(List<Packet> packets) {
        return packets.stream().map(Packet::summary).collect(Collectors.joining(", "));
    }
}
