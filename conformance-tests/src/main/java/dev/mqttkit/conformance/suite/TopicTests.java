package dev.mqttkit.conformance.suite;

import dev.mqttkit.codec.RawFrame;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Connected;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.conformance.junit.Versions;
import java.nio.charset.StandardCharsets;

/** Topic names, filters and matching (MQTT 3.1.1 section 4.7 and 1.5.3). */
@ConformanceTest
class TopicTests {

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-4.7.2-1"})
    void doesNotMatchDollarTopicsWithFiltersStartingWithAWildcard(Harness mqtt, @Connected ScriptedClient wild,
                                                                  @Connected ScriptedClient exact,
                                                                  @Connected ScriptedClient pub) {
        String topic = "$" + mqtt.topic("x");
        String plain = mqtt.topic("x");
        wild.ignoringTopicsOutside(topic);
        wild.subscribe("+/" + plain.substring(plain.indexOf('/') + 1), Qos.AT_MOST_ONCE);
        wild.subscribe("#", Qos.AT_MOST_ONCE);
        exact.subscribe(topic, Qos.AT_MOST_ONCE);
        pub.publish(topic, "dollar", Qos.AT_LEAST_ONCE, false);
        exact.expect(Match.publish(topic).payload("dollar"));
        // '#' also brings whatever else the broker carries; only this test's '$' topic must be absent
        wild.expectNothing();
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
        sub.expectNothing();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-4.7.3-2", "MQTT-1.5.3-2"})
    void closesConnectionOnNullCharacterInTopicName(Harness mqtt, @Connected ScriptedClient c) {
        byte[] topic = (mqtt.topic("a") + "\u0000b").getBytes(StandardCharsets.UTF_8);
        c.sendRaw(RawFrame.builder(0x30).string(topic).hex("78").build(), "PUBLISH with U+0000 in the topic");
        c.expectClosed();
    }

    @MqttTest
    @Versions("3.1.1")
    @Statements({"MQTT-1.5.3-1"})
    void closesConnectionOnIllFormedUtf8InTopicName(Harness mqtt, @Connected ScriptedClient c) {
        byte[] root = mqtt.topic("").getBytes(StandardCharsets.UTF_8);
        byte[] topic = java.util.Arrays.copyOf(root, root.length + 3);
        topic[root.length] = (byte) 0xED;
        topic[root.length + 1] = (byte) 0xA0;
        topic[root.length + 2] = (byte) 0x80;
        c.sendRaw(RawFrame.builder(0x30).string(topic).hex("78").build(), "PUBLISH with a surrogate in the topic");
        c.expectClosed();
    }
}
