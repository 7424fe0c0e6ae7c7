package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import dev.mqttkit.codec.packet.Subscription;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.Closure;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;
import java.util.List;

/** SUBSCRIBE and SUBACK (MQTT 3.1.1 sections 3.8 and 3.9). */
@ConformanceTest
class SubscribeTests {

    @MqttTest
    @Statements({"MQTT-3.8.4-1", "MQTT-3.8.4-2", "MQTT-2.3.1-7", "MQTT-3.9.3-2"})
    void answersSubscribeWithSubackCarryingItsPacketId(Harness mqtt, @Connected ScriptedClient c) {
        c.send(Subscribe.of(4711, mqtt.topic("a"), Qos.AT_LEAST_ONCE));
        Suback s = c.expect(Match.suback(4711));
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
        Suback s = c.expect(Match.suback(id));
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
        sub.expectNothing();
    }

    @MqttTest
    @Statements({"MQTT-3.3.5-1"})
    void deliversMessageMatchingOverlappingSubscriptionsAtTheHighestGrantedQos(Harness mqtt,
            @Connected ScriptedClient sub, @Connected ScriptedClient pub) {
        String topic = mqtt.topic("overlap/x");
        sub.subscribe(mqtt.topic("overlap/#"), Qos.AT_MOST_ONCE);
        int granted = sub.subscribe(mqtt.topic("overlap/+"), Qos.AT_LEAST_ONCE);
        if (granted != 1) {
            mqtt.notApplicable("the broker granted QoS " + granted + " where the test needs 1");
        }
        pub.publish(topic, "overlapping", Qos.AT_LEAST_ONCE, false);
        List<Packet> got = new java.util.ArrayList<>();
        got.add(sub.expect(Match.publish(topic).payload("overlapping")));
        got.addAll(sub.fence());
        assertThat(got).as("deliveries").allMatch(p -> p instanceof Publish pp && pp.topic().equals(topic));
        assertThat(got).as("a copy at QoS 1, the highest granted")
                .anyMatch(p -> ((Publish) p).qos() == Qos.AT_LEAST_ONCE);
        for (Packet p : got) {
            if (((Publish) p).qos() == Qos.AT_LEAST_ONCE) {
                sub.send(new dev.mqttkit.codec.packet.Puback(((Publish) p).packetId()));
            }
        }
        mqtt.observed(got.size() == 1 ? "delivered one copy" : "delivered " + got.size() + " copies, one per subscription");
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.8.3-3", "MQTT-4.8.0-1"})
    void closesConnectionOnSubscribeWithoutFilters(@Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x82).u16(1).build(), "SUBSCRIBE (m1) without any filter");
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.8.3-4"})
    void closesConnectionOnSubscribeRequestingQos3(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x82).u16(1).utf8(mqtt.topic("q3")).u8(3).build(), "SUBSCRIBE requesting QoS 3");
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.8.3-4"})
    void closesConnectionOnSubscribeWithReservedBitsInRequestedQos(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x82).u16(1).utf8(mqtt.topic("r")).u8(0x41).build(),
                "SUBSCRIBE with reserved bits set in the QoS byte");
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.8.1-1", "MQTT-2.2.2-2"})
    void closesConnectionOnSubscribeWithWrongFixedHeaderFlags(Harness mqtt, @Connected ScriptedClient c) {
        c.sendRaw(RawFrame.builder(0x80).u16(1).utf8(mqtt.topic("f")).u8(0).build(), "SUBSCRIBE with flags 0000");
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-4.7.1-2", "MQTT-4.8.0-1"})
    void closesConnectionOnFilterWithMisplacedMultiLevelWildcard(Harness mqtt, @Connected ScriptedClient c) {
        c.sendUnchecked(Subscribe.of(1, mqtt.topic("#/x"), Qos.AT_MOST_ONCE));
        closedOrRefused(mqtt, c);
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-4.7.1-3", "MQTT-4.8.0-1"})
    void closesConnectionOnFilterWithPartialSingleLevelWildcard(Harness mqtt, @Connected ScriptedClient c) {
        c.sendUnchecked(Subscribe.of(1, mqtt.topic("a+"), Qos.AT_MOST_ONCE));
        closedOrRefused(mqtt, c);
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-4.7.3-1"})
    void closesConnectionOnEmptyFilter(@Connected ScriptedClient c) {
        c.sendUnchecked(Subscribe.of(1, "", Qos.AT_MOST_ONCE));
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.8.3-2"})
    void rejectsWildcardFiltersWithFailureCodeWhenWildcardsAreUnsupported(Harness mqtt, @Connected ScriptedClient c) {
        int single = c.subscribe(mqtt.topic("+"), Qos.AT_MOST_ONCE);
        int multi = c.subscribe(mqtt.topic("#"), Qos.AT_MOST_ONCE);
        if (single != 0x80 && multi != 0x80) {
            mqtt.notApplicable("the broker supports wildcard subscriptions (granted " + single + " and " + multi + ")");
        }
        assertThat(List.of(single, multi)).as("a broker without wildcards refuses every wildcard filter")
                .containsOnly(0x80);
    }

    /** An invalid filter is a protocol violation (close); a SUBACK 0x80 for it is tolerated but named. */
    private static void closedOrRefused(Harness mqtt, ScriptedClient c) {
        Closure closure = c.awaitClosure(c.timeouts().closure());
        if (closure.before().isEmpty()) {
            assertThat(closure.closed()).as("connection closed after an invalid filter").isTrue();
            mqtt.observed("closed the connection");
            return;
        }
        Packet first = closure.before().get(0);
        assertThat(first).as("the only acceptable answer besides closing").isInstanceOf(Suback.class);
        assertThat(((Suback) first).returnCodes()).as("SUBACK codes for an invalid filter").containsExactly(0x80);
        mqtt.warn("answered an invalid filter with SUBACK 0x80 instead of closing the connection (MQTT-4.8.0-1)");
        mqtt.observed("SUBACK 0x80");
    }

    static void assertGrantedAtMost(Harness mqtt, int code, int requested) {
        boolean failureAllowed = mqtt.version() == dev.mqttkit.codec.packet.ProtocolVersion.MQTT_3_1_1;
        assertThat(code <= requested || (failureAllowed && code == 0x80))
                .as("SUBACK code %d for a request of QoS %d (granted at most %d%s)", code, requested, requested,
                        failureAllowed ? ", or 0x80" : "")
                .isTrue();
    }
}
