package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.Closure;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;
import java.util.ArrayList;
import java.util.List;

/** Where MQTT 3.1 differs from 3.1.1 (fixtures/spec/mqtt-3.1-differences.json). */
@ConformanceTest
@Versions("3.1")
class Mqtt31Tests {

    @MqttTest
    @Statements({"MQTTv3.1-2.2-1", "MQTTv3.1-3.2-1", "MQTTv3.1-2.2-8"})
    void acceptsMqisdpVersion3ConnectWithConnackZero(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQIsdp").u8(3).u8(0x02).u16(60).utf8(c.clientId()).build(),
                "CONNECT ('MQIsdp', 3)");
        c.expect(Match.connack(Connack.ACCEPTED));
        c.expectNothing();
    }

    /** 3.1 lets a server delete or keep an empty retained message; a new subscriber shows which it did. */
    @MqttTest
    @Statements({"MQTTv3.1-2.1-4"})
    void deletesOrStoresAnEmptyRetainedMessage(Harness mqtt, @Connected ScriptedClient pub) {
        String topic = mqtt.topic("empty-retained");
        pub.publish(topic, "stored", Qos.AT_LEAST_ONCE, true);
        pub.publish(topic, "", Qos.AT_LEAST_ONCE, true);
        ScriptedClient sub = mqtt.connected("sub");
        sub.subscribe(topic, Qos.AT_MOST_ONCE);
        List<Packet> got = new ArrayList<>(sub.fence());
        sub.takeWithinQuietPeriod().ifPresent(got::add);
        if (got.isEmpty()) {
            mqtt.observed("the empty retained message deleted the stored one");
        } else {
            assertThat(got).as("what a new subscriber receives").hasSize(1);
            assertThat(((Publish) got.get(0)).payload().isEmpty()).as("the stored message is the empty one").isTrue();
            mqtt.observed("stored the empty retained message");
        }
    }

    @MqttTest
    @Statements({"MQTTv3.1-2.2-5"})
    void disregardsWillQosAndRetainWithoutWillFlag(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQIsdp").u8(3).u8(0x2A).u16(60).utf8(c.clientId()).build(),
                "CONNECT with Will QoS 1 and Will Retain but no Will Flag");
        Packet first = c.takePacket(c.timeouts().expect()).orElse(null);
        if (first instanceof Connack ack && ack.returnCode() == Connack.ACCEPTED) {
            mqtt.observed("accepted the CONNECT");
        } else {
            mqtt.warn("refused a 3.1 CONNECT whose unused will bits were set: "
                    + (first == null ? "no CONNACK" : first.summary()));
        }
    }

    @MqttTest
    @Statements({"MQTTv3.1-3.1-5"})
    void acceptsConnectWhoseUserNameFlagIsNotBackedByAString(Harness mqtt) {
        ScriptedClient c = mqtt.client("c");
        c.open();
        c.sendRaw(RawFrame.builder(0x10).utf8("MQIsdp").u8(3).u8(0x82).u16(60).utf8(c.clientId()).build(),
                "CONNECT with the User Name flag but no user name");
        Connack ack = c.expect(Match.connack());
        assertThat(ack.returnCode()).as("CONNACK: accepted, or refused for credentials")
                .isIn(Connack.ACCEPTED, Connack.BAD_USER_NAME_OR_PASSWORD, Connack.NOT_AUTHORIZED);
        mqtt.observed("answered " + ack.summary());
        if (ack.returnCode() != Connack.ACCEPTED) {
            c.expectClosed();
        }
    }

    @MqttTest
    @Statements({"MQTTv3.1-3.14-1"})
    void closesTheConnectionAfterDisconnect(Harness mqtt, @Connected ScriptedClient c) {
        c.send(Disconnect.INSTANCE);
        Closure closure = c.awaitClosure(c.timeouts().closure());
        assertThat(closure.before()).as("packets after DISCONNECT").allMatch(Closure::announcesClose);
        if (!closure.closed()) {
            mqtt.warn("kept the connection open after DISCONNECT, relying on the client to close it");
        }
    }
}
