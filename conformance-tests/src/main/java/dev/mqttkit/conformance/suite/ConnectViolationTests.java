package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.MqttEncoder;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.Closure;
import dev.mqttkit.conformance.client.ScriptedClient;
import org.junit.jupiter.api.Order;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.DisruptiveConformanceTest;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;

/** CONNECT packets a broker must refuse or close on (MQTT 3.1.1 sections 3.1, 3.1.4 and 4.8). */
@DisruptiveConformanceTest
@Order(1)
class ConnectViolationTests {

    @MqttTest
    @Statements({"MQTT-3.1.0-2", "MQTT-4.8.0-1"})
    void closesConnectionOnSecondConnect(Harness mqtt, @Connected ScriptedClient c) {
        c.send(c.connectPacket());
        Reactions.closes(mqtt, c, "a second CONNECT", true);
    }

    @MqttTest
    @Statements({"MQTT-3.1.0-1", "MQTT-4.8.0-1"})
    void closesConnectionWhenFirstPacketIsNotConnect(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.send(Publish.qos0(mqtt.topic("x"), Payload.utf8("before connect")));
        Reactions.closes(mqtt, c, "a PUBLISH before CONNECT", true);
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.1.2-2", "MQTT-3.2.2-4", "MQTT-3.2.2-5"})
    void refusesUnsupportedProtocolLevelWithReturnCode1(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQTT").u8(0x7F).u8(0x02).u16(60).utf8(c.clientId()).build(),
                "CONNECT with protocol level 127");
        Reactions.refusesConnect(mqtt, c, Connack.UNACCEPTABLE_PROTOCOL_VERSION, "protocol level 127", false);
    }

    @MqttTest
    @Statements({"MQTT-3.1.2-1", "MQTTv3.1-3.1-6"})
    void closesConnectionOnUnknownProtocolName(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQTX").u8(mqtt.version().level()).u8(0x02).u16(60)
                .utf8(c.clientId()).build(), "CONNECT with protocol name 'MQTX'");
        Reactions.closes(mqtt, c, "the protocol name 'MQTX'", false);
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.1.2-3"})
    void closesConnectionWhenReservedConnectFlagIsSet(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQTT").u8(4).u8(0x03).u16(60).utf8(c.clientId()).build(),
                "CONNECT with reserved flag bit 0 set");
        Reactions.closes(mqtt, c, "a CONNECT with the reserved flag set", false);
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.1.2-15", "MQTT-3.1.4-1"})
    void closesConnectionWhenWillRetainIsSetWithoutWillFlag(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQTT").u8(4).u8(0x22).u16(60).utf8(c.clientId()).build(),
                "CONNECT with Will Retain but no Will Flag");
        Reactions.closes(mqtt, c, "a CONNECT with Will Retain but no Will Flag", false);
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.1.4-5"})
    void ignoresPacketsSentAfterARefusedConnect(Harness mqtt, @Connected ScriptedClient watcher) {
        String topic = mqtt.topic("after-refusal");
        watcher.subscribe(topic, Qos.AT_MOST_ONCE);
        ScriptedClient c = mqtt.client("refused");
        c.open();
        byte[] connect = RawFrame.builder(0x10).utf8("MQTT").u8(0x7F).u8(0x02).u16(60).utf8(c.clientId()).build();
        byte[] publish = MqttEncoder.of(mqtt.version()).encode(Publish.qos0(topic,
                Payload.utf8("must not be delivered")));
        byte[] both = new byte[connect.length + publish.length];
        System.arraycopy(connect, 0, both, 0, connect.length);
        System.arraycopy(publish, 0, both, connect.length, publish.length);
        c.sendRaw(both, "CONNECT with protocol level 127, then PUBLISH in the same write");
        Closure closure = c.awaitClosure(c.timeouts().closure());
        mqtt.observed(closure.closed() ? "closed the connection" : "kept the connection open");
        watcher.expectNothingDelivered();
    }
}
