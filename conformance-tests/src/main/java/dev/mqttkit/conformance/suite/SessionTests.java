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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Session state across connections (MQTT 3.1.1 sections 3.1.2.4 and 4.1). */
@ConformanceTest
class SessionTests {

    /**
     * The QoS 1 message must wait for the client (MQTT-3.1.2-5); queuing the QoS 0 one is a MAY, so whether it came
     * is only named. Messages of different QoS need not keep their order.
     */
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
        List<String> payloads = new ArrayList<>();
        while (!payloads.contains("qos 1 while offline")) {
            payloads.add(sub.receive(Match.publish(topic)).payload().asUtf8());
        }
        for (Optional<Packet> more = sub.takeWithinQuietPeriod(); more.isPresent();
             more = sub.takeWithinQuietPeriod()) {
            Publish p = sub.verify(Match.publish(topic), more.get());
            sub.acknowledge(p);
            payloads.add(p.payload().asUtf8());
        }
        assertThat(payloads).as("queued messages").containsOnlyOnce("qos 1 while offline")
                .isSubsetOf("qos 0 while offline", "qos 1 while offline");
        mqtt.observed(payloads.contains("qos 0 while offline") ? "queued QoS 0 messages for the offline client"
                : "did not queue QoS 0 messages for the offline client");
    }
}
