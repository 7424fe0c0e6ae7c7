package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Subscription;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;
import java.util.List;

/**
 * SUBSCRIBE and SUBACK (MQTT 3.1.1 sections 3.8 and 3.9); overlapping subscriptions in
 * {@link OverlappingSubscriptionTests}, invalid filters in {@link PacketViolationTests}.
 */
@ConformanceTest
class SubscribeTests {

    @MqttTest
    @Statements({"MQTT-3.8.4-1", "MQTT-3.8.4-2", "MQTT-2.3.1-7", "MQTT-3.9.3-2"})
    void answersSubscribeWithSubackCarryingItsPacketId(Harness mqtt, @Connected ScriptedClient c) {
        c.send(Subscribe.of(4711, mqtt.topic("a"), Qos.AT_LEAST_ONCE));
        Suback s = c.expectResponse(Match.suback(4711));
        assertThat(s.returnCodes()).as("return codes").hasSize(1);
        assertGrantedAtMost(mqtt, s.returnCodes().get(0), 1);
    }

    @MqttTest
    @Statements({"MQTT-3.8.4-4", "MQTT-3.8.4-5", "MQTT-3.9.3-1", "MQTTv3.1-3.9-1"})
    void answersSeveralFiltersWithOneSubackListingACodePerFilterInOrder(Harness mqtt, @Connected ScriptedClient c) {
        int id = c.nextPacketId();
        c.send(new Subscribe(id, List.of(new Subscription(mqtt.topic("q2"), Qos.EXACTLY_ONCE),
                new Subscription(mqtt.topic("q0"), Qos.AT_MOST_ONCE),
                new Subscription(mqtt.topic("q1"), Qos.AT_LEAST_ONCE))));
        Suback s = c.expectResponse(Match.suback(id));
        assertThat(s.returnCodes()).as("one return code per filter").hasSize(3);
        assertGrantedAtMost(mqtt, s.returnCodes().get(0), 2);
        assertGrantedAtMost(mqtt, s.returnCodes().get(1), 0);
        assertGrantedAtMost(mqtt, s.returnCodes().get(2), 1);
        mqtt.observed("granted " + s.returnCodes());
        c.expectNothing();
    }

    @MqttTest
    @Statements({"MQTT-3.8.4-3"})
    void replacesSubscriptionWithIdenticalFilter(Harness mqtt, @Connected ScriptedClient sub,
                                                 @Connected ScriptedClient pub) {
        String topic = mqtt.topic("replaced");
        sub.subscribe(topic, Qos.AT_LEAST_ONCE);
        int granted = sub.subscribe(topic, Qos.AT_MOST_ONCE);
        assertThat(granted).as("granted QoS of the replacing subscription").isZero();
        pub.publish(topic, "once at qos 0", Qos.AT_LEAST_ONCE, false);
        sub.expect(Match.publish(topic).qos(Qos.AT_MOST_ONCE).payload("once at qos 0"));
        assertThat(mqtt.deliveredBeforeMarker(pub, sub, topic, Qos.AT_LEAST_ONCE))
                .as("copies besides the one of the replacing subscription").isEmpty();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.8.3-2"})
    void rejectsWildcardFiltersWithFailureCodeWhenWildcardsAreUnsupported(Harness mqtt, @Connected ScriptedClient c) {
        int single = c.subscribe(mqtt.topic("+"), Qos.AT_MOST_ONCE);
        int multi = c.subscribe(mqtt.topic("#"), Qos.AT_MOST_ONCE);
        if (single != Suback.FAILURE && multi != Suback.FAILURE) {
            mqtt.notApplicable("the broker supports wildcard subscriptions (granted " + single + " and " + multi + ")");
        }
        assertThat(List.of(single, multi)).as("a broker without wildcards refuses every wildcard filter")
                .containsOnly(Suback.FAILURE);
    }

    static void assertGrantedAtMost(Harness mqtt, int code, int requested) {
        boolean failureAllowed = mqtt.version() == ProtocolVersion.MQTT_3_1_1;
        assertThat(code <= requested || (failureAllowed && code == Suback.FAILURE))
                .as("SUBACK code %d for a request of QoS %d (granted at most %d%s)", code, requested, requested,
                        failureAllowed ? ", or 0x80" : "")
                .isTrue();
    }
}
