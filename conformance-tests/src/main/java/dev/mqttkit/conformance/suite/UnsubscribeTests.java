package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.packet.Pubcomp;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Unsubscribe;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import java.util.List;

/** UNSUBSCRIBE and UNSUBACK (MQTT 3.1.1 sections 3.10 and 3.11); bad ones in {@link PacketViolationTests}. */
@ConformanceTest
class UnsubscribeTests {

    @MqttTest
    @Statements({"MQTT-3.10.4-4", "MQTT-3.10.4-2", "MQTTv3.1-3.10-2"})
    void stopsDeliveringAfterUnsubackWithSamePacketId(Harness mqtt, @Connected ScriptedClient sub,
                                                      @Connected ScriptedClient pub) {
        String topic = mqtt.topic("gone");
        sub.subscribe(topic, Qos.AT_MOST_ONCE);
        sub.send(new Unsubscribe(321, List.of(topic)));
        sub.expectResponse(Match.unsuback(321));
        pub.publish(topic, "after unsubscribe", Qos.AT_LEAST_ONCE, false);
        sub.expectNothingDelivered();
    }

    @MqttTest
    @Statements({"MQTT-3.10.4-5"})
    void sendsUnsubackEvenWhenNothingWasSubscribed(Harness mqtt, @Connected ScriptedClient c) {
        c.send(new Unsubscribe(9, List.of(mqtt.topic("never"))));
        c.expectResponse(Match.unsuback(9));
    }

    @MqttTest
    @Statements({"MQTT-3.10.4-1"})
    void comparesUnsubscribeFiltersCharacterByCharacter(Harness mqtt, @Connected ScriptedClient sub,
                                                        @Connected ScriptedClient pub) {
        String topic = mqtt.topic("lit/x");
        sub.subscribe(mqtt.topic("lit/+"), Qos.AT_MOST_ONCE);
        sub.unsubscribe(topic);
        pub.publish(topic, "still subscribed", Qos.AT_LEAST_ONCE, false);
        sub.expect(Match.publish(topic).payload("still subscribed"));
    }

    @MqttTest
    @Statements({"MQTT-3.10.4-6"})
    void unsubscribesSeveralFiltersWithOneUnsuback(Harness mqtt, @Connected ScriptedClient sub,
                                                   @Connected ScriptedClient pub) {
        sub.subscribe(mqtt.topic("m/a"), Qos.AT_MOST_ONCE);
        sub.subscribe(mqtt.topic("m/b"), Qos.AT_MOST_ONCE);
        sub.unsubscribe(mqtt.topic("m/a"), mqtt.topic("m/b"));
        pub.publish(mqtt.topic("m/a"), "a", Qos.AT_LEAST_ONCE, false);
        pub.publish(mqtt.topic("m/b"), "b", Qos.AT_LEAST_ONCE, false);
        sub.expectNothingDelivered();
    }

    @MqttTest
    @Statements({"MQTT-3.10.4-3"})
    void completesQos2DeliveryStartedBeforeUnsubscribe(Harness mqtt, @Connected ScriptedClient sub,
                                                       @Connected ScriptedClient pub) {
        String topic = mqtt.topic("inflight");
        PublishTests.requireGranted(mqtt, sub.subscribe(topic, Qos.EXACTLY_ONCE), 2);
        pub.publish(topic, "in flight", Qos.EXACTLY_ONCE, false);
        Publish p = sub.expect(Match.publish(topic).qos(Qos.EXACTLY_ONCE));
        sub.send(new Unsubscribe(77, List.of(topic)));
        sub.expectResponse(Match.unsuback(77));
        sub.send(new Pubrec(p.packetId()));
        sub.expectResponse(Match.pubrel(p.packetId()));
        sub.send(new Pubcomp(p.packetId()));
        sub.expectNothing();
    }
}
