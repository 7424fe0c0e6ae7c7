package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PUBLISH and its acknowledgements (MQTT 3.1.1 sections 3.3 to 3.7, 4.3, 4.5 and 4.6); retried packets are in
 * {@link DupFlagTests}, packets that break a rule in {@link PacketViolationTests}.
 */
@ConformanceTest
class PublishTests {

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
        assertThat(mqtt.deliveredBeforeMarker(pub, sub, topic, Qos.AT_LEAST_ONCE)).as("further copies").isEmpty();
    }

    /**
     * MQTT-4.6.0-6 orders messages of one topic and one QoS from one publisher; across QoS levels any order is
     * allowed, and a QoS 0 message may be lost. So each QoS level is checked on its own, and the order the broker
     * chose across levels is only named.
     */
    @MqttTest
    @Statements({"MQTT-4.6.0-5", "MQTT-4.6.0-6", "MQTTv3.1-4.3-1"})
    void deliversMessagesOfOneTopicAndQosInTheOrderTheyWerePublished(Harness mqtt, @Connected ScriptedClient sub,
                                                                     @Connected ScriptedClient pub) {
        String topic = mqtt.topic("order");
        requireGranted(mqtt, sub.subscribe(topic, Qos.EXACTLY_ONCE), 2);
        Qos[] levels = {Qos.AT_LEAST_ONCE, Qos.EXACTLY_ONCE, Qos.AT_MOST_ONCE};
        Map<Qos, List<String>> published = new EnumMap<>(Qos.class);
        for (int i = 0; i < 12; i++) {
            pub.publish(topic, "n" + i, levels[i % 3], false);
            published.computeIfAbsent(levels[i % 3], q -> new ArrayList<>()).add("n" + i);
        }
        Map<Qos, List<String>> received = new EnumMap<>(Qos.class);
        List<String> arrival = new ArrayList<>();
        int assured = published.get(Qos.AT_LEAST_ONCE).size() + published.get(Qos.EXACTLY_ONCE).size();
        int assuredReceived = 0;
        while (true) {
            Optional<Packet> next = assuredReceived < assured ? Optional.of(sub.expect(Match.publish(topic)))
                    : sub.takeWithinQuietPeriod();
            if (next.isEmpty() || arrival.size() == 12) {
                break;
            }
            Publish p = Match.publish(topic).type().cast(next.get());
            sub.acknowledge(p);
            received.computeIfAbsent(p.qos(), q -> new ArrayList<>()).add(p.payload().asUtf8());
            arrival.add(p.payload().asUtf8());
            if (p.qos() != Qos.AT_MOST_ONCE) {
                assuredReceived++;
            }
        }
        for (Qos q : List.of(Qos.AT_LEAST_ONCE, Qos.EXACTLY_ONCE)) {
            assertThat(received.getOrDefault(q, List.of())).as("QoS %d messages in the order published", q.value())
                    .containsExactlyElementsOf(published.get(q));
        }
        List<String> qos0 = received.getOrDefault(Qos.AT_MOST_ONCE, List.of());
        assertThat(qos0).as("QoS 0 messages, in the order published (some may be lost)")
                .isSubsetOf(published.get(Qos.AT_MOST_ONCE))
                .isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)),
                        Integer.parseInt(b.substring(1))));
        List<String> sorted = new ArrayList<>(arrival);
        sorted.sort((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1))));
        mqtt.observed(arrival.equals(sorted) ? "delivered every QoS level in the order published"
                : "kept the order within each QoS level and interleaved the levels differently: " + arrival);
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

    /** The publisher is one of the subscribers: MQTT-4.5.0-1 makes no exception for it. */
    @MqttTest
    @Statements({"MQTT-4.5.0-1"})
    void deliversAClientsOwnMessageToItsOwnSubscription(Harness mqtt, @Connected ScriptedClient c) {
        String topic = mqtt.topic("self");
        requireGranted(mqtt, c.subscribe(topic, Qos.AT_LEAST_ONCE), 1);
        c.publish(topic, "to myself", Qos.AT_LEAST_ONCE, false);
        c.receive(Match.publish(topic).payload("to myself").qos(Qos.AT_LEAST_ONCE));
    }

    static void requireGranted(Harness mqtt, int granted, int needed) {
        if (granted == 0x80) {
            mqtt.notApplicable("the broker refused the subscription with SUBACK 0x80, as it may");
        }
        if (granted < needed) {
            mqtt.notApplicable("the broker granted QoS " + granted + " where the test needs " + needed);
        }
    }
}
