package dev.mqttkit.conformance.clientsuite;

import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.conformance.clientside.ClientConformanceTest;
import dev.mqttkit.conformance.clientside.ClientHarness;
import dev.mqttkit.conformance.clientside.ClientLink;
import dev.mqttkit.conformance.clientside.ClientTest;
import dev.mqttkit.conformance.clientside.DriverOptions;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.conformance.junit.Statements;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * What a client does with a malformed or unexpected packet from the broker: it must close the connection (MQTT-4.8.0-1
 * and the rules that name the reaction). Reconnecting afterwards is the driver's business and allowed.
 */
@ClientConformanceTest
class MalformedInputTests {
    /**
     * What keeping the connection open breaks: the general rule, and the rules that name the reaction to the
     * particular input. A case that does not declare one of them is not judged by it; a packet the client sends
     * that breaks a rule itself (its copy of a malformed message) is judged by that rule.
     */
    private static final String[] REACTION = {"MQTT-4.8.0-1", "MQTT-1.5.3-1", "MQTT-1.5.3-2", "MQTT-2.2.2-2",
        "MQTT-3.3.1-4"};

    @ClientTest
    @Statements("MQTT-4.8.0-1")
    void closesOnAReservedPacketType(ClientHarness h) {
        closesAfter(h, "a packet of the reserved type 15", o -> RawFrame.builder(0xF0).build());
    }

    @ClientTest
    @Statements("MQTT-4.8.0-1")
    void closesOnARemainingLengthLongerThanFourBytes(ClientHarness h) {
        closesAfter(h, "a Remaining Length of five bytes", o -> new byte[] {0x30, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, 0x01});
    }

    @ClientTest
    @Statements({"MQTT-3.3.1-4", "MQTT-4.8.0-1"})
    void closesOnAPublishWithQos3(ClientHarness h) {
        closesAfter(h, "a PUBLISH with QoS 3", o -> RawFrame.builder(0x36).utf8(o.in("a")).u16(7).utf8("x").build());
    }

    @ClientTest
    @Statements({"MQTT-2.2.2-2", "MQTT-4.8.0-1"})
    void closesOnAPubackWithReservedFlags(ClientHarness h) {
        closesAfter(h, "a PUBACK with reserved flags 0010", o -> RawFrame.builder(0x42).u16(7).build());
    }

    @ClientTest
    @Statements({"MQTT-1.5.3-1", "MQTT-4.8.0-1"})
    void closesOnIllFormedUtf8InATopicName(ClientHarness h) {
        closesAfter(h, "a PUBLISH whose topic holds the ill-formed UTF-8 C3 28", o -> RawFrame.builder(0x30)
                .string(concat(o.in("x").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28}))
                .bytes("p".getBytes(StandardCharsets.UTF_8)).build());
    }

    @ClientTest
    @Statements({"MQTT-1.5.3-2", "MQTT-4.8.0-1"})
    void closesOnANullCharacterInATopicName(ClientHarness h) {
        closesAfter(h, "a PUBLISH whose topic holds U+0000", o -> RawFrame.builder(0x30)
                .string(concat(o.in("x").getBytes(StandardCharsets.UTF_8), new byte[] {0x00}))
                .bytes("p".getBytes(StandardCharsets.UTF_8)).build());
    }

    /** A client that takes the topic name as it is and publishes its copy there breaks MQTT-3.3.2-2 itself. */
    @ClientTest
    @Statements({"MQTT-4.8.0-1", "MQTT-3.3.2-2"})
    void closesOnAWildcardInATopicName(ClientHarness h) {
        closesAfter(h, "a PUBLISH to the topic name '<prefix>/in/+'", o -> RawFrame.builder(0x30).utf8(o.in("+"))
                .utf8("p").build());
    }

    @ClientTest
    @Statements("MQTT-4.8.0-1")
    void closesOnAConnectFromTheBroker(ClientHarness h) {
        closesAfter(h, "a CONNECT, which only clients send", o -> MqttEncoder.of(o.version())
                .encode(Connect.of(o.version(), "broker", true, 60)));
    }

    @ClientTest
    @Statements("MQTT-4.8.0-1")
    void closesOnASubscribeFromTheBroker(ClientHarness h) {
        closesAfter(h, "a SUBSCRIBE, which only clients send", o -> MqttEncoder.of(o.version())
                .encode(Subscribe.of(9, o.in("#"), Qos.AT_MOST_ONCE)));
    }

    private static void closesAfter(ClientHarness h, String what, Function<DriverOptions, byte[]> bytes) {
        DriverOptions o = h.options();
        ClientLink link = h.session(o);
        h.checking(REACTION);
        link.sendRaw(bytes.apply(o), what);
        long sentAt = System.nanoTime();
        ClientLink.Ending end = link.awaitClosure(h.timeouts().closure());
        if (!end.closed()) {
            throw link.fail("kept the connection open " + h.timeouts().closure().toMillis() + " ms after " + what);
        }
        h.observed("closed the connection " + (end.closedAtNanos() - sentAt) / 1_000_000 + " ms after " + what
                + (end.before().isEmpty() ? "" : ", having sent " + end.before().get(0).summary()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
