package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Will;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;

/** CONNECT and CONNACK (MQTT 3.1.1 sections 3.1, 3.2 and 3.1.4); the refusals are in {@link ConnectViolationTests}. */
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
        Reactions.refusesConnect(mqtt, c, Connack.IDENTIFIER_REJECTED, "a 24-character client id", false);
    }

    /** MQTT 3.1 makes an empty id invalid (1 to 23 characters) and says an invalid CONNECT should be closed. */
    @MqttTest
    @Versions("3.1")
    @Statements({"MQTTv3.1-3.1-2"})
    void closesOrRefusesEmptyClientIdentifierIn31(Harness mqtt) {
        ScriptedClient c = mqtt.client("c", ProtocolVersion.MQTT_3_1, "");
        c.open();
        c.sendUnchecked(Connect.of(ProtocolVersion.MQTT_3_1, "", true, 60));
        Reactions.closes(mqtt, c, "an empty client id", false);
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
        Reactions.refusesConnect(mqtt, c, Connack.IDENTIFIER_REJECTED, "an empty client id without clean session",
                false);
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
    @Statements({"MQTT-3.1.2-8", "MQTT-3.1.2-16"})
    void publishesWillWhenClientVanishes(Harness mqtt, @Connected ScriptedClient watcher) {
        String topic = mqtt.topic("will");
        watcher.subscribe(topic, Qos.AT_MOST_ONCE);
        ScriptedClient c = mqtt.client("dying");
        c.connect(c.connectPacket().withWill(new Will(topic, Payload.utf8("gone"), Qos.AT_MOST_ONCE, false)));
        c.dropConnection();
        watcher.expect(Match.publish(topic).payload("gone").retain(false));
    }
}
