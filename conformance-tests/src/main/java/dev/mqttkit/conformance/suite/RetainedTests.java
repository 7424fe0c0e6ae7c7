package dev.mqttkit.conformance.suite;

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
import dev.mqttkit.conformance.junit.Versions;
import java.util.ArrayList;
import java.util.List;

/** Retained messages where the specification leaves the broker a choice (MQTT 3.1.1 section 3.3.1.3). */
@ConformanceTest
class RetainedTests {

    /**
     * A retained QoS 0 message must replace the one stored before (MQTT-3.3.1-7), but the broker may keep it or
     * discard it at any time: a new subscriber gets it or nothing, never the older message. A live subscriber
     * receiving the QoS 0 message shows the broker has taken it in before the new subscription is made.
     */
    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-3.3.1-7"})
    void retainedQos0MessageReplacesTheStoredOneAndMayBeDiscarded(Harness mqtt, @Connected ScriptedClient live,
                                                                   @Connected ScriptedClient pub) {
        String topic = mqtt.topic("lamp");
        live.subscribe(topic, Qos.AT_MOST_ONCE);
        pub.publish(topic, "on", Qos.AT_LEAST_ONCE, true);
        live.expect(Match.publish(topic).payload("on"));
        pub.publish(topic, "off", Qos.AT_MOST_ONCE, true);
        if (live.takePacket(mqtt.timeouts().expect()).isEmpty()) {
            mqtt.notApplicable("the broker did not deliver the QoS 0 message to a live subscriber, as it may; "
                    + "nothing shows it took the message in");
        }
        ScriptedClient late = mqtt.connected("late");
        late.subscribe(topic, Qos.AT_LEAST_ONCE);
        List<Packet> got = new ArrayList<>(late.fence());
        late.takeWithinQuietPeriod().ifPresent(got::add);
        if (got.isEmpty()) {
            mqtt.observed("discarded the retained QoS 0 message (allowed)");
            return;
        }
        Publish p = late.verify(Match.publish(topic).retain(true), got.get(0));
        if (!p.payload().asUtf8().equals("off")) {
            throw late.fail("a new subscription received the retained message '" + p.payload().asUtf8()
                    + "' that the retained QoS 0 message 'off' replaced");
        }
        mqtt.observed("stored the retained QoS 0 message");
    }
}
