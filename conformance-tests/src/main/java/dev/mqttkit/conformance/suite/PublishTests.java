package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** PUBLISH and its acknowledgements (MQTT 3.1.1 sections 3.3 to 3.7 and 4.3). */
@ConformanceTest
class PublishTests {

    @MqttTest
    @Statements({"MQTT-4.3.3-2", "MQTT-3.3.1-1", "MQTT-3.3.1-3"})
    void deliversQos2MessageOnceWhenPublisherResendsItBeforePubrel(Harness mqtt, @Connected ScriptedClient sub,
                                                                  @Connected ScriptedClient pub) {
        String topic = mqtt.topic("exactly-once");
        requireGranted(mqtt, sub.subscribe(topic, Qos.EXACTLY_ONCE), 2);
        Publish message = new Publish(false, Qos.EXACTLY_ONCE, false, topic, 42, Payload.utf8("once"));
        pub.send(message);
        pub.expect(Match.pubrec(42));
        pub.send(message.withDup(true));
        pub.expect(Match.pubrec(42));
        pub.send(new Pubrel(42));
        pub.expect(Match.pubcomp(42));
        sub.receive(Match.publish(topic).payload("once").qos(Qos.EXACTLY_ONCE).dup(false));
        sub.expectNothing();
    }

    @MqttTest
    @Statements({"MQTT-3.3.1-3", "MQTT-4.3.2-2"})
    void forwardsWithDupZeroWhatArrivedWithDupOne(Harness mqtt, @Connected ScriptedClient sub,
                                                  @Connected ScriptedClient pub) {
        String topic = mqtt.topic("dup");
        requireGranted(mqtt, sub.subscribe(topic, Qos.AT_LEAST_ONCE), 1);
        pub.send(new Publish(true, Qos.AT_LEAST_ONCE, false, topic, 7, Payload.utf8("first try, DUP set")));
        pub.expect(Match.puback(7));
        sub.receive(Match.publish(topic).qos(Qos.AT_LEAST_ONCE).dup(false));
    }

    @MqttTest
    @Statements({"MQTT-2.3.1-4", "MQTT-2.3.1-1", "MQTT-4.3.2-1"})
    void usesDistinctNonZeroPacketIdsForMessagesInFlight(Harness mqtt, @Connected ScriptedClient sub,
                                                         @Connected ScriptedClient pub) {
        String topic = mqtt.topic("ids");
        requireGranted(mqtt, sub.subscribe(topic, Qos.AT_LEAST_ONCE), 1);
        for (int i = 0; i < 5; i++) {
            pub.publish(topic, "m" + i, Qos.AT_LEAST_ONCE, false);
        }
        Set<Integer> ids = new HashSet<>();
        List<Publish> got = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.add(sub.expect(Match.publish(topic).qos(Qos.AT_LEAST_ONCE).dup(false).payload("m" + i)));
        }
        for (Publish p : got) {
            assertThat(p.packetId()).as("packet id of an unacknowledged QoS 1 PUBLISH").isNotZero();
            assertThat(ids.add(p.packetId())).as("packet id %d unique among those in flight", p.packetId()).isTrue();
            sub.send(new Puback(p.packetId()));
        }
        sub.expectNothing();
    }

    @MqttTest
    @Statements({"MQTT-4.6.0-5", "MQTT-4.6.0-6", "MQTTv3.1-4.3-1"})
    void deliversMessagesOfOneTopicInTheOrderTheyWerePublished(Harness mqtt, @Connected ScriptedClient sub,
                                                               @Connected ScriptedClient pub) {
        String topic = mqtt.topic("order");
        requireGranted(mqtt, sub.subscribe(topic, Qos.EXACTLY_ONCE), 2);
        Qos[] levels = {Qos.AT_LEAST_ONCE, Qos.EXACTLY_ONCE, Qos.AT_MOST_ONCE};
        for (int i = 0; i < 12; i++) {
            pub.publish(topic, "n" + i, levels[i % 3], false);
        }
        int next = 0;
        Set<Integer> awaitingPubrel = new HashSet<>();
        while (next < 12 || !awaitingPubrel.isEmpty()) {
            Packet p = sub.expect(Match.any());
            if (p instanceof Pubrel rel && awaitingPubrel.remove(rel.packetId())) {
                sub.send(new Pubcomp(rel.packetId()));
                continue;
            }
            if (!(p instanceof Publish pub1) || next >= 12) {
                throw sub.fail("expected PUBLISH 'n" + next + "' or a PUBREL but received " + p.summary());
            }
            String mismatch = Match.publish(topic).payload("n" + next).qos(levels[next % 3]).mismatch(p);
            if (mismatch != null) {
                throw sub.fail(mismatch);
            }
            next++;
            if (pub1.qos() == Qos.AT_LEAST_ONCE) {
                sub.send(new Puback(pub1.packetId()));
            } else if (pub1.qos() == Qos.EXACTLY_ONCE) {
                sub.send(new Pubrec(pub1.packetId()));
                awaitingPubrel.add(pub1.packetId());
            }
        }
        sub.expectNothing();
    }

    @MqttTest
    @Statements({"MQTT-4.3.1-1", "MQTT-3.3.1-2", "MQTT-2.3.1-5", "MQTT-3.3.2-1", "MQTT-3.3.2-3", "MQTT-4.5.0-1"})
    void forwardsQos0MessageWithoutDupOrPacketIdToEverySubscriber(Harness mqtt, @Connected ScriptedClient a,
                                                                  @Connected ScriptedClient b,
                                                                  @Connected ScriptedClient pub) {
        String topic = mqtt.topic("fan/out");
        a.subscribe(mqtt.topic("fan/+"), Qos.AT_LEAST_ONCE);
        b.subscribe(topic, Qos.AT_MOST_ONCE);
        pub.publish(topic, "to both", Qos.AT_MOST_ONCE, false);
        a.expect(Match.publish(topic).qos(Qos.AT_MOST_ONCE).dup(false).packetId(0).payload("to both"));
        b.expect(Match.publish(topic).qos(Qos.AT_MOST_ONCE).dup(false).packetId(0).payload("to both"));
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.3.1-4", "MQTT-4.8.0-1"})
    void closesConnectionOnPublishWithQos3(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x36).utf8(mqtt.topic("q3")).u16(1).hex("78").build(), "PUBLISH with QoS 3");
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.3.2-2", "MQTT-4.7.1-1"})
    void closesConnectionOnPublishWithWildcardInTopicName(Harness mqtt, @Connected ScriptedClient c) {
        c.sendUnchecked(Publish.qos0(mqtt.topic("+/x"), Payload.utf8("wild")));
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-4.7.3-1"})
    void closesConnectionOnPublishWithEmptyTopicName(@Connected ScriptedClient c) {
        c.sendUnchecked(Publish.qos0("", Payload.utf8("nowhere")));
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-2.3.1-1"})
    void closesConnectionOnQos1PublishWithPacketIdZero(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x32).utf8(mqtt.topic("id0")).u16(0).hex("78").build(),
                "PUBLISH (q1, m0) with packet id 0");
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.6.1-1", "MQTT-2.2.2-2"})
    void closesConnectionOnPubrelWithWrongFixedHeaderFlags(@Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x60).u16(1).build(), "PUBREL with flags 0000");
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.14.1-1", "MQTT-2.2.2-1"})
    void closesConnectionOnDisconnectWithReservedFlags(Harness mqtt, @Connected ScriptedClient watcher) {
        String topic = mqtt.topic("will");
        watcher.subscribe(topic, Qos.AT_MOST_ONCE);
        ScriptedClient c = mqtt.client("c");
        c.connect(c.connectPacket().withWill(new dev.mqttkit.codec.packet.Will(topic, Payload.utf8("w"),
                Qos.AT_MOST_ONCE, false)));
        c.sendRaw(RawFrame.builder(0xE1).build(), "DISCONNECT with flags 0001");
        c.expectClosed();
        watcher.expect(Match.publish(topic).payload("w"));
        mqtt.observed("treated the bad DISCONNECT as an abnormal close and published the will");
    }

    static void requireGranted(Harness mqtt, int granted, int needed) {
        if (granted == 0x80) {
            throw new AssertionError("the broker refused a plain subscription (SUBACK 0x80)");
        }
        if (granted < needed) {
            mqtt.notApplicable("the broker granted QoS " + granted + " where the test needs " + needed);
        }
    }
}
