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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A message that matches several subscriptions of one client must reach it at the highest QoS they were granted
 * (MQTT-3.3.5-1); section 3.3.5 lets the broker send further copies, one per subscription. Every arrangement is
 * tested, because a broker that takes the QoS of the first, the last or the most specific subscription passes some
 * of them and fails others.
 */
@ConformanceTest
class OverlappingSubscriptionTests {

    @MqttTest
    @Statements({"MQTT-3.3.5-1", "MQTT-3.8.4-6"})
    void highestQosWhenTheMoreSpecificWildcardFilterHasIt(Harness mqtt, @Connected ScriptedClient sub,
                                                          @Connected ScriptedClient pub) {
        check(mqtt, sub, pub, new Filter("#", 0), new Filter("+", 1));
    }

    @MqttTest
    @Statements({"MQTT-3.3.5-1", "MQTT-3.8.4-6"})
    void highestQosWhenTheLessSpecificWildcardFilterHasIt(Harness mqtt, @Connected ScriptedClient sub,
                                                          @Connected ScriptedClient pub) {
        check(mqtt, sub, pub, new Filter("+", 0), new Filter("#", 1));
    }

    @MqttTest
    @Statements({"MQTT-3.3.5-1", "MQTT-3.8.4-6"})
    void highestQosWhenTheExactFilterHasIt(Harness mqtt, @Connected ScriptedClient sub,
                                           @Connected ScriptedClient pub) {
        check(mqtt, sub, pub, new Filter("x", 1), new Filter("#", 0));
    }

    @MqttTest
    @Statements({"MQTT-3.3.5-1", "MQTT-3.8.4-6"})
    void highestQosWhenAWildcardBeatsTheExactFilter(Harness mqtt, @Connected ScriptedClient sub,
                                                    @Connected ScriptedClient pub) {
        check(mqtt, sub, pub, new Filter("x", 0), new Filter("+", 2));
    }

    @MqttTest
    @Statements({"MQTT-3.3.5-1", "MQTT-3.8.4-6"})
    void highestQosAmongThreeOverlappingFilters(Harness mqtt, @Connected ScriptedClient sub,
                                                @Connected ScriptedClient pub) {
        check(mqtt, sub, pub, new Filter("x", 0), new Filter("#", 1), new Filter("+", 2));
    }

    /** A filter below the test's {@code overlap/} level, e.g. {@code +} for {@code <root>/overlap/+}, and its QoS. */
    record Filter(String last, int qos) {
        @Override
        public String toString() {
            return "'" + last + "' at QoS " + qos;
        }
    }

    /**
     * Subscribes in the given order, publishes at QoS 2 so that the grants decide, then takes every copy: the first
     * must come, further ones within the run's quiet period.
     */
    private static void check(Harness mqtt, ScriptedClient sub, ScriptedClient pub, Filter... filters) {
        String topic = mqtt.topic("overlap/x");
        int highest = -1;
        List<Integer> granted = new ArrayList<>();
        for (Filter f : filters) {
            int g = sub.subscribe(mqtt.topic("overlap/" + f.last()), Qos.of(f.qos()));
            PublishTests.requireGranted(mqtt, g, 0);
            granted.add(g);
            highest = Math.max(highest, g);
        }
        if (granted.stream().distinct().count() < 2) {
            mqtt.notApplicable("the broker granted " + granted + " to " + List.of(filters)
                    + ": no difference in QoS left to test");
        }
        pub.publish(topic, "overlapping", Qos.EXACTLY_ONCE, false);
        List<Publish> copies = new ArrayList<>();
        Publish first = sub.expect(Match.publish(topic).payload("overlapping"));
        sub.acknowledge(first);
        copies.add(first);
        for (Optional<Packet> more = sub.takeWithinQuietPeriod(); more.isPresent();
             more = sub.takeWithinQuietPeriod()) {
            Publish p = sub.verify(Match.publish(topic).payload("overlapping"), more.get());
            sub.acknowledge(p);
            copies.add(p);
        }
        String qos = copies.stream().map(p -> String.valueOf(p.qos().value())).collect(Collectors.joining(", "));
        int best = highest;
        if (copies.stream().anyMatch(p -> p.qos().value() > best)) {
            mqtt.checking("MQTT-3.8.4-6");
            throw sub.fail("delivered a copy at a QoS above every grant: QoS " + qos + " where " + List.of(filters)
                    + " were granted " + granted);
        }
        mqtt.checking("MQTT-3.3.5-1");
        if (copies.stream().noneMatch(p -> p.qos().value() == best)) {
            throw sub.fail("expected a copy at QoS " + best + ", the highest granted to " + List.of(filters)
                    + " (granted " + granted + "), but received " + copies.size() + " at QoS " + qos);
        }
        mqtt.observed(copies.size() == 1 ? "delivered one copy at QoS " + qos
                : "delivered " + copies.size() + " copies at QoS " + qos + ", one per subscription");
    }
}
