package dev.mqttkit.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.mqttkit.codec.Topics;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.contract.PropertyRun;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wildcard matching, live: generated topic trees and filters are subscribed and published, and what the broker
 * delivers is compared with the codec's matcher ({@link Topics#matches}). On failure QuickTheories shrinks the
 * example; the seed and the counterexample are reported ({@code mqttkit.property}) so the run can be repeated with
 * {@code -Dmqtt.property.seed=...}.
 */
@ConformanceTest
class WildcardPropertyTests {
    private static final int EXAMPLES = 25;

    @MqttTest
    @Statements({"MQTT-4.7.1-2", "MQTT-4.7.1-3", "MQTT-4.7.2-1", "MQTT-3.3.2-3", "MQTT-4.7.3-4", "MQTTv3.1-A-1"})
    void deliversExactlyTheTopicsEachFilterMatches(Harness mqtt) {
        boolean dollar = mqtt.version() == ProtocolVersion.MQTT_3_1_1;
        long seed = Long.getLong("mqtt.property.seed", System.nanoTime());
        ScriptedClient pub = mqtt.connected("pub");
        AtomicInteger n = new AtomicInteger();
        AtomicInteger examples = new AtomicInteger();
        String[] last = {null};
        try {
            qt().withExamples(EXAMPLES).withShrinkCycles(40).withFixedSeed(seed)
                    .forAll(TopicGen.examples(dollar))
                    .checkAssert(example -> {
                        examples.incrementAndGet();
                        last[0] = example.toString();
                        check(mqtt, pub, example, mqtt.topic("e" + n.incrementAndGet()));
                    });
            mqtt.property(new PropertyRun(seed, examples.get(), null));
        } catch (AssertionError e) {
            mqtt.property(new PropertyRun(seed, examples.get(), smallest(e.getMessage(), last[0])));
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }

    private static void check(Harness mqtt, ScriptedClient pub, TopicGen.Example example, String root) {
        ScriptedClient sub = mqtt.client("sub").ignoringTopicsOutside(root, "$" + root);
        sub.connect();
        Set<String> expected = new TreeSet<>();
        Set<String> filters = new TreeSet<>();
        for (String f : example.filters()) {
            String filter = TopicGen.resolve(f, root);
            filters.add(filter);
            assertThat(sub.subscribe(filter, Qos.AT_MOST_ONCE)).as("SUBACK for '%s'", filter).isZero();
        }
        for (String t : example.topics()) {
            String topic = TopicGen.resolve(t, root);
            pub.publish(topic, "p", Qos.AT_LEAST_ONCE, false);
            if (filters.stream().anyMatch(f -> Topics.matches(f, topic))) {
                expected.add(topic);
            }
        }
        Set<String> delivered = new TreeSet<>();
        for (Packet p : sub.fence()) {
            if (p instanceof Publish x) {
                delivered.add(x.topic());
            }
        }
        sub.disconnect();
        assertThat(delivered).as("topics delivered for filters %s", filters).isEqualTo(expected);
    }

    /** The shrunk counterexample from QuickTheories' report, or the last example tried. */
    private static String smallest(String message, String fallback) {
        String marker = "Smallest found falsifying value(s) :-";
        int at = message == null ? -1 : message.indexOf(marker);
        if (at < 0) {
            return fallback;
        }
        return message.substring(at + marker.length()).strip().lines().findFirst().orElse(fallback);
    }
}
