package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;
import java.util.Optional;

/**
 * Topic names, filters and matching (MQTT 3.1.1 sections 4.7 and 1.5.3); bad topics in {@link PacketViolationTests}.
 */
@ConformanceTest
class TopicTests {

    /**
     * A broker may keep topics that start with {@code $} to itself (4.7.2: clients cannot use them for their own
     * purposes); then there is nothing to match and the test does not apply.
     */
    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-4.7.2-1"})
    void doesNotMatchDollarTopicsWithFiltersStartingWithAWildcard(Harness mqtt, @Connected ScriptedClient wild,
                                                                  @Connected ScriptedClient exact,
                                                                  @Connected ScriptedClient pub) {
        String topic = "$" + mqtt.topic("x");
        wild.ignoringTopicsOutside(topic);
        if (exact.subscribe(topic, Qos.AT_MOST_ONCE) == Suback.FAILURE) {
            mqtt.notApplicable("the broker refused a subscription to " + topic + ": it keeps $ topics to itself");
        }
        wild.subscribe("+/x", Qos.AT_MOST_ONCE);
        wild.subscribe("#", Qos.AT_MOST_ONCE);
        pub.publish(topic, "dollar", Qos.AT_MOST_ONCE, false);
        Optional<Packet> routed = exact.takePacket(mqtt.timeouts().expect());
        if (routed.isEmpty()) {
            mqtt.notApplicable("the broker routed no message published to " + topic
                    + " (it keeps $ topics to itself), so no filter can wrongly match one");
        }
        exact.verify(Match.publish(topic).payload("dollar"), routed.get());
        // '#' also brings whatever else the broker carries; only this test's '$' topic must be absent
        wild.expectNothingDelivered();
    }

    @MqttTest
    @Statements({"MQTT-4.7.3-4", "MQTT-1.5.3-3", "MQTT-3.3.2-3"})
    void matchesTopicsCharacterForCharacterWithoutNormalising(Harness mqtt, @Connected ScriptedClient sub,
                                                              @Connected ScriptedClient pub) {
        String composed = mqtt.topic("caf\u00e9/\ufeffbom/Case");
        String decomposed = mqtt.topic("cafe\u0301/\ufeffbom/Case");
        String stripped = mqtt.topic("caf\u00e9/bom/Case");
        String lower = mqtt.topic("caf\u00e9/\ufeffbom/case");
        sub.subscribe(composed, Qos.AT_MOST_ONCE);
        pub.publish(decomposed, "decomposed", Qos.AT_LEAST_ONCE, false);
        pub.publish(stripped, "without BOM", Qos.AT_LEAST_ONCE, false);
        pub.publish(lower, "lower case", Qos.AT_LEAST_ONCE, false);
        pub.publish(composed, "exact", Qos.AT_LEAST_ONCE, false);
        sub.expect(Match.publish(composed).payload("exact"));
        sub.expectNothingDelivered();
    }
}
