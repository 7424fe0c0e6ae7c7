package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Will;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.Closure;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;

/** CONNECT and CONNACK (MQTT 3.1.1 sections 3.1, 3.2 and 3.1.4). */
@ConformanceTest
class ConnectTests {

    @MqttTest
    @Statements({"MQTT-3.1.4-4", "MQTT-3.2.0-1", "MQTT-3.2.2-1", "MQTT-3.1.4-3", "MQTT-7.1.1-1"})
    void acceptsValidConnectWithConnackZeroAndNoSessionPresent(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.send(c.connectPacket());
        c.expect(Match.connack(false, Connack.ACCEPTED));
        c.expectNothing();
    }

    @MqttTest
    @Statements({"MQTT-3.1.0-2", "MQTT-4.8.0-1"})
    void closesConnectionOnSecondConnect(@Connected ScriptedClient c) {
        c.send(c.connectPacket());
        c.expectClosed();
    }

    @MqttTest
    @Statements({"MQTT-4.8.0-1", "MQTT-3.1.4-1"})
    void closesConnectionWhenFirstPacketIsNotConnect(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.send(Publish.qos0(mqtt.topic("x"), Payload.utf8("before connect")));
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.1.2-2", "MQTT-3.2.2-4", "MQTT-3.2.2-5"})
    void refusesUnsupportedProtocolLevelWithReturnCode1(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQTT").u8(0x7F).u8(0x02).u16(60).utf8(c.clientId()).build(),
                "CONNECT with protocol level 127");
        c.expect(Match.connack(false, Connack.UNACCEPTABLE_PROTOCOL_VERSION));
        c.expectClosed();
    }

    @MqttTest
    @Statements({"MQTT-3.1.2-1", "MQTTv3.1-3.1-6"})
    void closesConnectionOnUnknownProtocolName(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQTX").u8(mqtt.version().level()).u8(0x02).u16(60)
                .utf8(c.clientId()).build(), "CONNECT with protocol name 'MQTX'");
        Closure closure = c.awaitClosure(c.timeouts().closure());
        assertThat(closure.closed()).as("connection closed after an unknown protocol name").isTrue();
        assertThat(closure.before()).as("packets before closing").allMatch(p -> p instanceof Connack a
                && a.returnCode() != Connack.ACCEPTED);
        mqtt.observed(closure.before().isEmpty() ? "closed the connection without CONNACK"
                : "sent " + closure.before().get(0).summary() + " and closed the connection");
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.1.2-3"})
    void closesConnectionWhenReservedConnectFlagIsSet(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQTT").u8(4).u8(0x03).u16(60).utf8(c.clientId()).build(),
                "CONNECT with reserved flag bit 0 set");
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.1.4-1"})
    void closesConnectionWhenWillRetainIsSetWithoutWillFlag(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQTT").u8(4).u8(0x22).u16(60).utf8(c.clientId()).build(),
                "CONNECT with Will Retain but no Will Flag");
        c.expectClosed();
    }

    @MqttTest
    @Statements({"MQTT-3.1.3-5", "MQTTv3.1-3.1-1"})
    void acceptsClientIdentifierOf23LettersAndDigits(Harness mqtt) {
        String id = (mqtt.clientId("x") + "ABCDEFGHIJKLMNOPQRSTUVWXYZ").substring(0, 23);
        ScriptedClient c = mqtt.client("c", mqtt.version(), id);
        Connack ack = c.connect(c.connectPacket());
        assertThat(ack.returnCode()).as("CONNACK return code for a 23-character id").isEqualTo(Connack.ACCEPTED);
    }

    @MqttTest
    @Versions("3.1")
    @Statements({"MQTTv3.1-3.1-1", "MQTTv3.1-2.2-8"})
    void refusesClientIdentifierLongerThan23CharactersIn31(Harness mqtt) {
        String id = (mqtt.clientId("x") + "ABCDEFGHIJKLMNOPQRSTUVWXYZ").substring(0, 24);
        ScriptedClient c = mqtt.client("c", ProtocolVersion.MQTT_3_1, id);
        c.open();
        c.sendUnchecked(Connect.of(ProtocolVersion.MQTT_3_1, id, true, 60));
        c.expect(Match.connack(Connack.IDENTIFIER_REJECTED));
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1")
    @Statements({"MQTTv3.1-3.1-2"})
    void refusesEmptyClientIdentifierIn31(Harness mqtt) {
        ScriptedClient c = mqtt.client("c", ProtocolVersion.MQTT_3_1, "");
        c.open();
        c.sendUnchecked(Connect.of(ProtocolVersion.MQTT_3_1, "", true, 60));
        c.expect(Match.connack(Connack.IDENTIFIER_REJECTED));
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.1.3-6", "MQTT-3.1.3-9"})
    void acceptsEmptyClientIdentifierWithCleanSessionOrRefusesItWithReturnCode2(Harness mqtt) {
        ScriptedClient c = mqtt.client("c", mqtt.version(), "");
        Connack ack = c.connect(Connect.of(mqtt.version(), "", true, 60));
        if (ack.returnCode() == Connack.ACCEPTED) {
            mqtt.observed("accepted the empty client id and assigned one");
            c.expectNothing();
        } else {
            assertThat(ack.returnCode()).as("CONNACK return code refusing an empty id")
                    .isEqualTo(Connack.IDENTIFIER_REJECTED);
            c.expectClosed();
            mqtt.observed("refused the empty client id with CONNACK 0x02");
        }
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.1.3-8", "MQTT-3.2.2-4", "MQTT-3.2.2-5"})
    void refusesEmptyClientIdentifierWithoutCleanSession(Harness mqtt) {
        ScriptedClient c = mqtt.client("c", mqtt.version(), "");
        c.open();
        c.sendUnchecked(Connect.of(mqtt.version(), "", false, 60));
        c.expect(Match.connack(false, Connack.IDENTIFIER_REJECTED));
        c.expectClosed();
    }

    @MqttTest
    @Statements({"MQTT-3.1.4-2"})
    void disconnectsEarlierClientWhenSameIdentifierConnects(Harness mqtt) {
        String id = mqtt.clientId("same");
        ScriptedClient first = mqtt.client("first", mqtt.version(), id);
        ScriptedClient second = mqtt.client("second", mqtt.version(), id);
        first.connect();
        second.connect();
        first.expectClosed();
        second.expectNothing();
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
        byte[] publish = dev.mqttkit.codec.MqttEncoder.of(mqtt.version())
                .encode(Publish.qos0(topic, Payload.utf8("must not be delivered")));
        byte[] both = new byte[connect.length + publish.length];
        System.arraycopy(connect, 0, both, 0, connect.length);
        System.arraycopy(publish, 0, both, connect.length, publish.length);
        c.sendRaw(both, "CONNECT with protocol level 127, then PUBLISH in the same write");
        Closure closure = c.awaitClosure(c.timeouts().closure());
        assertThat(closure.closed()).as("connection closed after the refused CONNECT").isTrue();
        watcher.expectNothing();
    }

    @MqttTest
    @Statements({"MQTT-3.1.2-8", "MQTT-3.1.2-16"})
    void publishesWillWhenClientVanishes(Harness mqtt, @Connected ScriptedClient watcher) {
        String topic = mqtt.topic("will");
        watcher.subscribe(topic, Qos.AT_MOST_ONCE);
        ScriptedClient c = mqtt.client("dying");
        c.connect(c.connectPacket().withWill(new Will(topic, Payload.utf8("gone"), Qos.AT_MOST_ONCE, false)));
        c.dropConnection();
        Packet p = watcher.expect(Match.publish(topic).payload("gone").retain(false));
        assertThat(p).isInstanceOf(Publish.class);
    }
}
