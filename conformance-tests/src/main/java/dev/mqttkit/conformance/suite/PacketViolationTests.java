package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Will;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import org.junit.jupiter.api.Order;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.DisruptiveConformanceTest;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Packets after CONNECT that break a rule of MQTT 3.1.1, one rule each, named so a reader sees the rule: a broker
 * must close the connection (section 4.8). The malformed-packet corpus covers many more byte-level cases.
 */
@DisruptiveConformanceTest
@Order(2)
@Versions("3.1.1")
class PacketViolationTests {

    @MqttTest
    @Statements({"MQTT-3.3.1-4", "MQTT-4.8.0-1"})
    void closesConnectionOnPublishWithQos3(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x36).utf8(mqtt.topic("q3")).u16(1).hex("78").build(), "PUBLISH with QoS 3");
        Reactions.closes(mqtt, c, "a PUBLISH with QoS 3", true);
    }

    @MqttTest
    @Statements({"MQTT-3.3.2-2", "MQTT-4.7.1-1", "MQTT-4.8.0-1"})
    void closesConnectionOnPublishWithWildcardInTopicName(Harness mqtt, @Connected ScriptedClient c) {
        c.sendUnchecked(Publish.qos0(mqtt.topic("+/x"), Payload.utf8("wild")));
        Reactions.closes(mqtt, c, "a PUBLISH to a topic name with '+'", true);
    }

    @MqttTest
    @Statements({"MQTT-4.7.3-1", "MQTT-4.8.0-1"})
    void closesConnectionOnPublishWithEmptyTopicName(Harness mqtt, @Connected ScriptedClient c) {
        c.sendUnchecked(Publish.qos0("", Payload.utf8("nowhere")));
        Reactions.closes(mqtt, c, "a PUBLISH with an empty topic name", true);
    }

    @MqttTest
    @Statements({"MQTT-2.3.1-1", "MQTT-4.8.0-1"})
    void closesConnectionOnQos1PublishWithPacketIdZero(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x32).utf8(mqtt.topic("id0")).u16(0).hex("78").build(),
                "PUBLISH (q1, m0) with packet id 0");
        Reactions.closes(mqtt, c, "a QoS 1 PUBLISH with packet id 0", true);
    }

    @MqttTest
    @Statements({"MQTT-3.6.1-1", "MQTT-2.2.2-2"})
    void closesConnectionOnPubrelWithWrongFixedHeaderFlags(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x60).u16(1).build(), "PUBREL with flags 0000");
        Reactions.closes(mqtt, c, "a PUBREL with flags 0000", true);
    }

    @MqttTest
    @Statements({"MQTT-3.14.1-1", "MQTT-2.2.2-2", "MQTT-3.1.2-8"})
    void closesConnectionOnDisconnectWithReservedFlagsAndPublishesTheWill(Harness mqtt,
                                                                         @Connected ScriptedClient watcher) {
        String topic = mqtt.topic("will");
        watcher.subscribe(topic, Qos.AT_MOST_ONCE);
        ScriptedClient c = mqtt.client("c");
        c.connect(c.connectPacket().withWill(new Will(topic, Payload.utf8("w"), Qos.AT_MOST_ONCE, false)));
        mqtt.checking("MQTT-3.14.1-1", "MQTT-2.2.2-2");
        c.sendRaw(RawFrame.builder(0xE1).build(), "DISCONNECT with flags 0001");
        Reactions.closes(mqtt, c, "a DISCONNECT with flags 0001", false);
        mqtt.checking("MQTT-3.1.2-8");
        watcher.expect(Match.publish(topic).payload("w"));
    }

    @MqttTest
    @Statements({"MQTT-3.8.3-3", "MQTT-4.8.0-1"})
    void closesConnectionOnSubscribeWithoutFilters(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x82).u16(1).build(), "SUBSCRIBE (m1) without any filter");
        Reactions.closes(mqtt, c, "a SUBSCRIBE without filters", true);
    }

    @MqttTest
    @Statements({"MQTT-3.8.3-4"})
    void closesConnectionOnSubscribeRequestingQos3(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x82).u16(1).utf8(mqtt.topic("q3")).u8(3).build(), "SUBSCRIBE requesting QoS 3");
        Reactions.closes(mqtt, c, "a SUBSCRIBE requesting QoS 3", true);
    }

    @MqttTest
    @Statements({"MQTT-3.8.3-4"})
    void closesConnectionOnSubscribeWithReservedBitsInRequestedQos(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x82).u16(1).utf8(mqtt.topic("r")).u8(0x41).build(),
                "SUBSCRIBE with reserved bits set in the QoS byte");
        Reactions.closes(mqtt, c, "a SUBSCRIBE with reserved bits in the QoS byte", true);
    }

    @MqttTest
    @Statements({"MQTT-3.8.1-1", "MQTT-2.2.2-2"})
    void closesConnectionOnSubscribeWithWrongFixedHeaderFlags(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x80).u16(1).utf8(mqtt.topic("f")).u8(0).build(), "SUBSCRIBE with flags 0000");
        Reactions.closes(mqtt, c, "a SUBSCRIBE with flags 0000", true);
    }

    @MqttTest
    @Statements({"MQTT-4.7.1-2", "MQTT-4.8.0-1"})
    void refusesFilterWithMisplacedMultiLevelWildcard(Harness mqtt, @Connected ScriptedClient c) {
        c.sendUnchecked(Subscribe.of(1, mqtt.topic("#/x"), Qos.AT_MOST_ONCE));
        Reactions.refusesFilter(mqtt, c, "the filter '" + mqtt.topic("#/x") + "'", true);
    }

    @MqttTest
    @Statements({"MQTT-4.7.1-3", "MQTT-4.8.0-1"})
    void refusesFilterWithPartialSingleLevelWildcard(Harness mqtt, @Connected ScriptedClient c) {
        c.sendUnchecked(Subscribe.of(1, mqtt.topic("a+"), Qos.AT_MOST_ONCE));
        Reactions.refusesFilter(mqtt, c, "the filter '" + mqtt.topic("a+") + "'", true);
    }

    @MqttTest
    @Statements({"MQTT-4.7.3-1", "MQTT-4.8.0-1"})
    void refusesEmptyFilter(Harness mqtt, @Connected ScriptedClient c) {
        c.sendUnchecked(Subscribe.of(1, "", Qos.AT_MOST_ONCE));
        Reactions.refusesFilter(mqtt, c, "an empty filter", true);
    }

    @MqttTest
    @Statements({"MQTT-3.10.3-2"})
    void closesConnectionOnUnsubscribeWithoutFilters(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0xA2).u16(5).build(), "UNSUBSCRIBE (m5) without any filter");
        Reactions.closes(mqtt, c, "an UNSUBSCRIBE without filters", true);
    }

    @MqttTest
    @Statements({"MQTT-3.10.1-1", "MQTT-2.2.2-2"})
    void closesConnectionOnUnsubscribeWithWrongFixedHeaderFlags(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0xA0).u16(5).utf8(mqtt.topic("u")).build(), "UNSUBSCRIBE with flags 0000");
        Reactions.closes(mqtt, c, "an UNSUBSCRIBE with flags 0000", true);
    }

    @MqttTest
    @Statements({"MQTT-4.7.3-2", "MQTT-1.5.3-2"})
    void closesConnectionOnNullCharacterInTopicName(Harness mqtt, @Connected ScriptedClient c) {
        byte[] topic = (mqtt.topic("a") + "\u0000b").getBytes(StandardCharsets.UTF_8);
        c.sendRaw(RawFrame.builder(0x30).string(topic).hex("78").build(), "PUBLISH with U+0000 in the topic");
        Reactions.closes(mqtt, c, "a topic name with U+0000", true);
    }

    @MqttTest
    @Statements({"MQTT-1.5.3-1"})
    void closesConnectionOnIllFormedUtf8InTopicName(Harness mqtt, @Connected ScriptedClient c) {
        byte[] root = mqtt.topic("").getBytes(StandardCharsets.UTF_8);
        byte[] topic = Arrays.copyOf(root, root.length + 3);
        topic[root.length] = (byte) 0xED;
        topic[root.length + 1] = (byte) 0xA0;
        topic[root.length + 2] = (byte) 0x80;
        c.sendRaw(RawFrame.builder(0x30).string(topic).hex("78").build(), "PUBLISH with a surrogate in the topic");
        Reactions.closes(mqtt, c, "a topic name with an encoded surrogate", true);
    }
}
