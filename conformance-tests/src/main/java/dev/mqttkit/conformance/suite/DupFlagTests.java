package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pubrel;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.Flows;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import org.junit.jupiter.api.Order;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.DisruptiveConformanceTest;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;

/**
 * Retried packets, marked with DUP (MQTT 3.1.1 sections 3.3.1.1 and 4.3; MQTT 3.1 section 2.1). Valid input, but
 * known to stop brokers that track DUP poorly, so these run among the disruptive tests.
 */
@DisruptiveConformanceTest
@Order(4)
class DupFlagTests {

    @MqttTest
    @Statements({"MQTT-4.3.3-2", "MQTT-3.3.1-1", "MQTT-3.3.1-3"})
    void deliversQos2MessageOnceWhenPublisherResendsItBeforePubrel(Harness mqtt, @Connected ScriptedClient sub,
                                                                  @Connected ScriptedClient pub) {
        String topic = mqtt.topic("exactly-once");
        PublishTests.requireGranted(mqtt, sub.subscribe(topic, Qos.EXACTLY_ONCE), 2);
        Publish message = new Publish(false, Qos.EXACTLY_ONCE, false, topic, 42, Payload.utf8("once"));
        pub.send(message);
        pub.expectResponse(Match.pubrec(42));
        pub.send(message.withDup(true));
        pub.expectResponse(Match.pubrec(42));
        pub.send(new Pubrel(42));
        pub.expectResponse(Match.pubcomp(42));
        sub.receive(Match.publish(topic).payload("once").qos(Qos.EXACTLY_ONCE).dup(false));
        assertThat(mqtt.deliveredBeforeMarker(pub, sub, topic, Qos.EXACTLY_ONCE))
                .as("copies of the message re-sent before PUBREL").isEmpty();
    }

    @MqttTest
    @Statements({"MQTT-3.3.1-3", "MQTT-4.3.2-2"})
    void forwardsWithDupZeroWhatArrivedWithDupOne(Harness mqtt, @Connected ScriptedClient sub,
                                                  @Connected ScriptedClient pub) {
        String topic = mqtt.topic("dup");
        PublishTests.requireGranted(mqtt, sub.subscribe(topic, Qos.AT_LEAST_ONCE), 1);
        mqtt.checking("MQTT-4.3.2-2");
        pub.send(new Publish(true, Qos.AT_LEAST_ONCE, false, topic, 7, Payload.utf8("first try, DUP set")));
        pub.expectResponse(Match.puback(7));
        // In MQTT 3.1 the DUP of a forwarded message is left open (MQTTv3.1-2.1-7, MAY): a WARN there.
        mqtt.checking("MQTT-3.3.1-3");
        sub.receive(Match.publish(topic).qos(Qos.AT_LEAST_ONCE).dup(false));
    }

    @MqttTest
    @Versions("3.1")
    @Statements({"MQTTv3.1-2.1-1", "MQTTv3.1-3.8-1", "MQTTv3.1-3.10-1", "MQTTv3.1-3.6-1"})
    void acceptsDupOnRetriedSubscribeUnsubscribeAndPubrel(Harness mqtt, @Connected ScriptedClient c,
                                                          @Connected ScriptedClient pub) {
        String topic = mqtt.topic("dup");
        c.sendRaw(RawFrame.builder(0x8A).u16(1).utf8(topic).u8(2).build(), "SUBSCRIBE (d1, m1) retried");
        c.expectResponse(Match.suback(1));
        mqtt.checking(Flows.PUBREC.toArray(String[]::new));
        pub.send(new Publish(false, Qos.EXACTLY_ONCE, false, topic, 2, Payload.utf8("x")));
        pub.expectResponse(Match.pubrec(2));
        mqtt.checking();
        pub.sendRaw(RawFrame.builder(0x6A).u16(2).build(), "PUBREL (d1, m2) retried");
        pub.expectResponse(Match.pubcomp(2));
        c.receive(Match.publish(topic).payload("x"));
        c.sendRaw(RawFrame.builder(0xAA).u16(3).utf8(topic).build(), "UNSUBSCRIBE (d1, m3) retried");
        c.expectResponse(Match.unsuback(3));
    }
}
