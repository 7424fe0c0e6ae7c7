package dev.mqttkit.conformance.suite;

import static org.quicktheories.QuickTheory.qt;

import dev.mqttkit.codec.Topics;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.conformance.client.FlowViolation;
import dev.mqttkit.conformance.client.Match;
import dev.mqttkit.conformance.client.ScriptedClient;
import dev.mqttkit.conformance.junit.ConformanceTest;
import dev.mqttkit.conformance.junit.Harness;
import dev.mqttkit.conformance.junit.MqttTest;
import dev.mqttkit.conformance.junit.Statements;
import dev.mqttkit.contract.PropertyRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wildcard matching, live: generated topic trees and filters are subscribed and published, and what the broker
 * delivers is compared with the codec's matcher ({@link Topics#matches}). Every expected topic must arrive, and
 * QuickTheories shrinks an example where one does not. An unexpected delivery is looked for once at the end, over all
 * examples together, for the run's quiet period: MQTT orders nothing across connections, so only time can show that
 * nothing more comes. The seed and the counterexample are reported ({@code mqttkit.property}) so the run can be
 * repeated with {@code -Dmqtt.property.seed=...}.
 */
@ConformanceTest
class WildcardPropertyTests {
    private static final int EXAMPLES = 25;
    /** The same examples in every run, so that identical runs give identical verdicts; another seed explores more. */
    static final long DEFAULT_SEED = 20141029L;

    /**
     * One example's subscriber, kept connected until the end, and the topics it may get: a topic published twice, or
     * matching two of its filters, may come more than once (section 3.3.5 allows a copy per subscription).
     */
    private record Watched(ScriptedClient sub, WildcardExamples.Example example, Set<String> filters,
                           Set<String> expected) {
    }

    @MqttTest
    @Statements({"MQTT-4.7.1-2", "MQTT-4.7.1-3", "MQTT-4.7.2-1", "MQTT-3.3.2-3", "MQTT-4.7.3-4", "MQTTv3.1-A-1"})
    void deliversExactlyTheTopicsEachFilterMatches(Harness mqtt) {
        boolean dollar = mqtt.version() == ProtocolVersion.MQTT_3_1_1;
        long seed = Long.getLong("mqtt.property.seed", DEFAULT_SEED);
        ScriptedClient pub = mqtt.connected("pub");
        AtomicInteger n = new AtomicInteger();
        AtomicInteger examples = new AtomicInteger();
        List<Watched> watched = new ArrayList<>();
        String[] last = {null};
        // A usual exchange that broke on the way (no SUBACK, no PUBACK) is not a counterexample of matching: it ends
        // the property unshrunk and is judged as what it is.
        FlowViolation[] broken = {null};
        try {
            qt().withExamples(EXAMPLES).withShrinkCycles(40).withFixedSeed(seed)
                    .forAll(WildcardExamples.examples(dollar))
                    .checkAssert(example -> {
                        if (broken[0] != null) {
                            return;
                        }
                        examples.incrementAndGet();
                        last[0] = example.toString();
                        try {
                            watched.add(check(mqtt, pub, example,
                                    mqtt.topic(mqtt.topicRoot() + "e" + n.incrementAndGet())));
                        } catch (FlowViolation e) {
                            broken[0] = e;
                        }
                    });
        } catch (AssertionError e) {
            mqtt.property(new PropertyRun(seed, examples.get(), smallest(e.getMessage(), last[0])));
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
        if (broken[0] != null) {
            mqtt.property(new PropertyRun(seed, examples.get(), last[0]));
            throw broken[0];
        }
        boolean first = true;
        for (Watched w : watched) {
            Optional<Packet> extra = first ? w.sub().takeWithinQuietPeriod() : w.sub().takePacket(Duration.ZERO);
            first = false;
            while (extra.isPresent()) {
                Publish p = w.sub().verify(Match.anyPublish(), extra.get());
                if (!w.expected().contains(p.topic())) {
                    mqtt.property(new PropertyRun(seed, examples.get(), w.example().toString()));
                    throw w.sub().fail("filters " + w.filters() + " delivered '" + p.topic()
                            + "', which none of them matches (expected only " + w.expected() + ")");
                }
                extra = w.sub().takePacket(Duration.ZERO);
            }
        }
        mqtt.property(new PropertyRun(seed, examples.get(), null));
    }

    /** Subscribes and publishes one example and waits for every expected topic; the subscriber stays connected. */
    private static Watched check(Harness mqtt, ScriptedClient pub, WildcardExamples.Example example, String root) {
        ScriptedClient sub = mqtt.client("sub").ignoringTopicsOutside(root, "$" + root);
        sub.connect();
        Set<String> expected = new TreeSet<>();
        Set<String> filters = new TreeSet<>();
        for (String f : example.filters()) {
            String filter = WildcardExamples.resolve(f, root);
            filters.add(filter);
            int granted = sub.subscribe(filter, Qos.AT_MOST_ONCE);
            if (granted != 0) {
                throw sub.fail("SUBACK " + granted + " for the valid filter '" + filter + "'");
            }
        }
        for (String t : example.topics()) {
            String topic = WildcardExamples.resolve(t, root);
            pub.publish(topic, "p", Qos.AT_LEAST_ONCE, false);
            if (filters.stream().anyMatch(f -> Topics.matches(f, topic))) {
                expected.add(topic);
            }
        }
        Set<String> delivered = new TreeSet<>();
        while (!delivered.containsAll(expected)) {
            Optional<Packet> next = sub.takePacket(mqtt.timeouts().expect());
            if (next.isEmpty()) {
                Set<String> missing = new TreeSet<>(expected);
                missing.removeAll(delivered);
                throw sub.fail("filters " + filters + " did not deliver topics " + missing + " within "
                        + mqtt.timeouts().expect().toMillis() + " ms");
            }
            Publish p = sub.verify(Match.anyPublish(), next.get());
            if (!expected.contains(p.topic())) {
                throw sub.fail("filters " + filters + " delivered '" + p.topic() + "', which none of them matches");
            }
            delivered.add(p.topic());
        }
        return new Watched(sub, example, filters, expected);
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
