package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.PacketMatcher;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.client.WebSocketControl;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MQTT over WebSocket (MQTT 3.1.1 chapter 6), for {@code ws://} and {@code wss://} targets; over TCP there is nothing
 * to check and the tests are not applicable. Every other test runs over WebSocket unchanged, one binary frame per
 * packet; these choose the frames themselves. MQTT 3.1 predates MQTT over WebSocket, so on a 3.1 connection (which
 * offers the subprotocol {@code mqttv3.1}) the rules bind nothing (MQTTv3.1-1-1, a MAY): a broker that differs there
 * gets a WARN, not a FAIL.
 */
@ConformanceTest
class WebSocketTests {

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-6.0.0-4"})
    void selectsTheMqttSubprotocol(Harness mqtt) {
        ScriptedClient c = webSocketClient(mqtt, "c");
        c.open();
        WebSocketControl ws = webSocket(c);
        assertThat(ws.selectedSubprotocol()).as("the subprotocol the broker selected in its handshake response, "
                + "having been offered only '%s'", ws.offeredSubprotocol()).isEqualTo("mqtt");
        c.close();
    }

    @MqttTest
    @Statements({"MQTT-6.0.0-1"})
    void closesTheConnectionWhenConnectArrivesInATextFrame(Harness mqtt) {
        ScriptedClient c = webSocketClient(mqtt, "c");
        c.open();
        webSocket(c).sendText("CONNECT", asText(mqtt, encode(c, c.connectPacket())));
        // No PINGREQ after it: a broker that ignored the frame would close for a first packet that is no CONNECT.
        Reactions.closes(mqtt, c, "a CONNECT in a text frame", false);
    }

    @MqttTest
    @Statements({"MQTT-6.0.0-1"})
    void closesTheConnectionWhenPublishArrivesInATextFrame(Harness mqtt) {
        ScriptedClient c = webSocketClient(mqtt, "c");
        c.connect();
        Publish p = new Publish(false, Qos.AT_MOST_ONCE, false, mqtt.topic("text"), 0, Payload.utf8("text frame"));
        webSocket(c).sendText("PUBLISH QoS 0", asText(mqtt, encode(c, p)));
        Reactions.closes(mqtt, c, "a PUBLISH in a text frame", true);
    }

    @MqttTest
    @Statements({"MQTT-6.0.0-2"})
    void acceptsConnectSplitOneBytePerFrame(Harness mqtt) {
        ScriptedClient c = webSocketClient(mqtt, "c");
        c.open();
        byte[] connect = encode(c, c.connectPacket());
        byte[][] frames = new byte[connect.length][];
        for (int i = 0; i < connect.length; i++) {
            frames[i] = new byte[] {connect[i]};
        }
        webSocket(c).sendFrames("CONNECT", frames);
        c.expect(Match.connack(Connack.ACCEPTED));
        c.expectNothing();
    }

    @MqttTest
    @Statements({"MQTT-6.0.0-2"})
    void acceptsSeveralPacketsInOneFrame(Harness mqtt) {
        ScriptedClient c = webSocketClient(mqtt, "c");
        c.connect();
        int first = c.nextPacketId();
        int second = c.nextPacketId();
        webSocket(c).sendFrames("PUBLISH QoS 1, PUBLISH QoS 1 and PINGREQ",
                concat(encode(c, qos1(mqtt, first)), encode(c, qos1(mqtt, second)), encode(c, Pingreq.INSTANCE)));
        expectEach(c, Match.puback(first), Match.puback(second), Match.pingresp());
    }

    /** The frame boundary falls inside the topic name, and the second frame carries the next packet too. */
    @MqttTest
    @Statements({"MQTT-6.0.0-2"})
    void acceptsFramesThatEndAndBeginInsidePackets(Harness mqtt) {
        ScriptedClient c = webSocketClient(mqtt, "c");
        c.connect();
        int id = c.nextPacketId();
        byte[] publish = encode(c, qos1(mqtt, id));
        int cut = publish.length / 2;
        webSocket(c).sendFrames("PUBLISH QoS 1 and PINGREQ", Arrays.copyOfRange(publish, 0, cut),
                concat(Arrays.copyOfRange(publish, cut, publish.length), encode(c, Pingreq.INSTANCE)));
        expectEach(c, Match.puback(id), Match.pingresp());
    }

    /** One WebSocket message in three frames: a binary frame and two continuation frames (RFC 6455 section 5.4). */
    @MqttTest
    @Statements({"MQTT-6.0.0-2"})
    void acceptsAPacketInAFragmentedMessage(Harness mqtt) {
        ScriptedClient c = webSocketClient(mqtt, "c");
        c.connect();
        int id = c.nextPacketId();
        byte[] publish = encode(c, qos1(mqtt, id));
        int third = publish.length / 3;
        webSocket(c).sendFragmented("PUBLISH QoS 1", Arrays.copyOfRange(publish, 0, third),
                Arrays.copyOfRange(publish, third, 2 * third), Arrays.copyOfRange(publish, 2 * third, publish.length));
        c.expectResponse(Match.puback(id));
        c.expectNothing();
    }

    /** A client of the test, or the end of the test as not applicable when the target is not reached over WebSocket. */
    private static ScriptedClient webSocketClient(Harness mqtt, String label) {
        ScriptedClient c = mqtt.client(label);
        if (!c.overWebSocket()) {
            mqtt.notApplicable("the target is reached over TCP: the rules of MQTT over WebSocket apply to ws:// and "
                    + "wss:// targets");
        }
        return c;
    }

    /**
     * Takes packets until each matcher has matched one, in any order: what proves that the broker read every packet of
     * the frames is an answer to each. Brokers that hand packets to worker threads answer PINGREQ at once and the
     * rest later, and nothing in MQTT 3.1.1 orders a PINGRESP among other answers.
     */
    private static void expectEach(ScriptedClient c, PacketMatcher<?>... matchers) {
        List<PacketMatcher<?>> awaited = new ArrayList<>(List.of(matchers));
        while (!awaited.isEmpty()) {
            Packet p = c.expect(Match.any());
            PacketMatcher<?> answered = awaited.stream().filter(m -> m.matches(p)).findFirst()
                    .orElseThrow(() -> c.fail("expected " + awaited + " in any order but received " + p.summary()));
            awaited.remove(answered);
        }
    }

    private static WebSocketControl webSocket(ScriptedClient c) {
        return c.webSocket().orElseThrow(() -> new IllegalStateException("a ws:// client opened no WebSocket"));
    }

    private static Publish qos1(Harness mqtt, int id) {
        return new Publish(false, Qos.AT_LEAST_ONCE, false, mqtt.topic("frames"), id, Payload.utf8("split"));
    }

    private static byte[] encode(ScriptedClient c, Packet p) {
        return MqttEncoder.of(c.version()).encode(p);
    }

    /**
     * The packet's bytes as text: a packet of ASCII fields under 128 bytes is all ASCII, so it is valid UTF-8 and the
     * text frame carries exactly its bytes. Credentials outside ASCII leave nothing to send as text.
     */
    private static String asText(Harness mqtt, byte[] packet) {
        for (byte b : packet) {
            if (b < 0) {
                mqtt.notApplicable("the packet has bytes outside ASCII (non-ASCII credentials?), so no text frame "
                        + "carries exactly its bytes");
            }
        }
        return new String(packet, StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }
}
