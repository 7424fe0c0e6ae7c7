package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import java.util.List;

/** Session state across connections (MQTT 3.1.1 sections 3.1.2.4 and 4.1). */
@ConformanceTest
class SessionTests {

    @MqttTest
    @Statements({"MQTT-3.1.2-5", "MQTT-4.1.0-1"})
    void queuesQos1ForAnOfflineSessionAndMayQueueQos0(Harness mqtt, @Connected ScriptedClient pub) {
        String topic = mqtt.topic("offline");
        ScriptedClient sub = mqtt.client("sub");
        sub.connect(sub.connectPacket(false, 60));
        PublishTests.requireGranted(mqtt, sub.subscribe(topic, Qos.AT_LEAST_ONCE), 1);
        sub.disconnect();
        pub.publish(topic, "qos 0 while offline", Qos.AT_MOST_ONCE, false);
        pub.publish(topic, "qos 1 while offline", Qos.AT_LEAST_ONCE, false);
        sub.connect(sub.connectPacket(false, 60));
        List<Packet> got = new java.util.ArrayList<>();
        got.add(sub.expect(Match.any()));
        got.addAll(sub.fence());
        List<String> payloads = got.stream().filter(Publish.class::isInstance)
                .map(p -> ((Publish) p).payload().asUtf8()).toList();
        assertThat(got).as("only queued PUBLISH packets arrive").allMatch(Publish.class::isInstance);
        assertThat(payloads).as("queued messages, in order").contains("qos 1 while offline")
                .isSubsetOf("qos 0 while offline", "qos 1 while offline");
        for (Packet p : got) {
            if (((Publish) p).qos() == Qos.AT_LEAST_ONCE) {
                sub.send(new dev.mqttkit.codec.packet.Puback(((Publish) p).packetId()));
            }
        }
        mqtt.observed(payloads.contains("qos 0 while offline") ? "queued QoS 0 messages for the offline client"
                : "did not queue QoS 0 messages for the offline client");
        sub.connect(sub.connectPacket(true, 60));
        sub.disconnect();
    }
}
