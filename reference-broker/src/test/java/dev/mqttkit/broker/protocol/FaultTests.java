package dev.mqttkit.broker.protocol;

import static dev.mqttkit.broker.protocol.EngineHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.Fault;
import dev.mqttkit.codec.Rule;
import dev.mqttkit.codec.Violation;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Disconnect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.Payload;
import dev.mqttkit.codec.packet.Pingreq;
import dev.mqttkit.codec.packet.Pingresp;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Pubrec;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Unsuback;
import dev.mqttkit.codec.packet.Unsubscribe;
import dev.mqttkit.codec.packet.Will;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each deliberate defect, run through a scenario that observes the statement it names: the scenario must see
 * conforming behaviour without the fault and non-conforming behaviour with it. (The faults whose behaviour the
 * specification allows are in {@link AllowedFaultTests}.)
 */
class FaultTests {
    private static final Violation MALFORMED = new Violation(Rule.TOPIC_NAME_WILDCARD, "MQTT-3.3.2-2", 4,
            "MQTT-3.3.2-2: wildcard");

    /** Scenario: true when the broker behaved as the fault's statement requires. */
    private static final Map<Fault, Predicate<EngineHarness>> CONFORMS = new EnumMap<>(Fault.class);

    static {
        CONFORMS.put(Fault.RETAIN_ON_LIVE_FORWARD, b -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("t", Qos.AT_MOST_ONCE);
            b.connected("pub").send(publish(Qos.AT_MOST_ONCE, "t", 0, "x").withRetain(true));
            return !sub.nextPublish().retain();
        });
        CONFORMS.put(Fault.NO_QOS_DOWNGRADE, b -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("t", Qos.AT_MOST_ONCE);
            b.connected("pub").send(publish(Qos.EXACTLY_ONCE, "t", 1, "x"));
            return sub.nextPublish().qos() == Qos.AT_MOST_ONCE;
        });
        CONFORMS.put(Fault.ACCEPT_SECOND_CONNECT, b -> {
            EngineHarness.Client c = b.connected("c");
            c.send(Connect.of(ProtocolVersion.MQTT_3_1_1, "c", true, 60));
            return c.closed() && c.sent().isEmpty();
        });
        CONFORMS.put(Fault.WILL_AFTER_DISCONNECT, b -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("w", Qos.AT_MOST_ONCE);
            EngineHarness.Client c = withWill(b, "w", false);
            c.send(Disconnect.INSTANCE);
            c.drop();
            return sub.sent().isEmpty();
        });
        CONFORMS.put(Fault.HASH_MATCHES_DOLLAR, b -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("#", Qos.AT_MOST_ONCE);
            b.connected("pub").send(publish(Qos.AT_MOST_ONCE, "$SYS/x", 0, "x"));
            return sub.sent().isEmpty();
        });
        CONFORMS.put(Fault.NO_REDELIVERY_ON_RECONNECT, b -> {
            EngineHarness.Client sub = b.connected("p", false).subscribe("t", Qos.AT_LEAST_ONCE);
            b.connected("pub").send(publish(Qos.AT_LEAST_ONCE, "t", 1, "x"));
            Publish first = sub.nextPublish();
            sub.drop();
            List<Packet> after = reconnect(b, "p").sent();
            return after.equals(List.of(first.withDup(true)));
        });
        CONFORMS.put(Fault.SESSION_PRESENT_ALWAYS_0, b -> {
            b.connected("p", false).send(Disconnect.INSTANCE);
            return reconnect(b, "p").connackSessionPresent;
        });
        CONFORMS.put(Fault.QOS2_DELIVERED_TWICE, b -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("t", Qos.AT_MOST_ONCE);
            EngineHarness.Client pub = b.connected("pub");
            pub.send(publish(Qos.EXACTLY_ONCE, "t", 3, "x")).send(publish(Qos.EXACTLY_ONCE, "t", 3, "x").withDup(true));
            return sub.sent().size() == 1 && pub.sent().equals(List.of(new Pubrec(3), new Pubrec(3)));
        });
        CONFORMS.put(Fault.KEEPALIVE_NOT_ENFORCED, b -> {
            EngineHarness.Client c = b.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "k", true, 1));
            return c.link.keepAliveMillis == 1500;
        });
        CONFORMS.put(Fault.NO_RETAINED_ON_SUBSCRIBE, b -> {
            b.connected("pub").send(publish(Qos.AT_MOST_ONCE, "r", 0, "x").withRetain(true));
            EngineHarness.Client sub = b.connected("sub").subscribe("r", Qos.AT_MOST_ONCE);
            return sub.sent().size() == 1;
        });
        CONFORMS.put(Fault.EMPTY_RETAIN_NOT_CLEARING, b -> {
            EngineHarness.Client pub = b.connected("pub");
            pub.send(publish(Qos.AT_MOST_ONCE, "r", 0, "x").withRetain(true));
            pub.send(new Publish(false, Qos.AT_MOST_ONCE, true, "r", 0, Payload.EMPTY));
            EngineHarness.Client sub = b.connected("sub").subscribe("r", Qos.AT_MOST_ONCE);
            return sub.sent().isEmpty();
        });
        CONFORMS.put(Fault.NO_UNSUBACK_FOR_UNKNOWN, b -> {
            EngineHarness.Client c = b.connected("c");
            c.send(new Unsubscribe(4, List.of("nothing")));
            return c.sent().equals(List.of(new Unsuback(4)));
        });
        CONFORMS.put(Fault.OVERLAP_LOWEST_QOS, b -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("a/+", Qos.AT_MOST_ONCE)
                    .subscribe("a/#", Qos.AT_LEAST_ONCE);
            b.connected("pub").send(publish(Qos.AT_LEAST_ONCE, "a/b", 1, "x"));
            return sub.sent().stream().anyMatch(p -> ((Publish) p).qos() == Qos.AT_LEAST_ONCE);
        });
        CONFORMS.put(Fault.TAKEOVER_IGNORED, b -> {
            EngineHarness.Client first = b.connected("same");
            b.connected("same");
            return first.closed();
        });
        CONFORMS.put(Fault.NO_PINGRESP, b -> {
            EngineHarness.Client c = b.connected("c");
            c.send(Pingreq.INSTANCE);
            return c.sent().equals(List.of(Pingresp.INSTANCE));
        });
        CONFORMS.put(Fault.WILL_RETAIN_IGNORED, b -> {
            withWill(b, "w", true).drop();
            EngineHarness.Client sub = b.connected("sub").subscribe("w", Qos.AT_MOST_ONCE);
            return sub.sent().size() == 1;
        });
        CONFORMS.put(Fault.RETAINED_WITHOUT_RETAIN_FLAG, b -> {
            b.connected("pub").send(publish(Qos.AT_MOST_ONCE, "r", 0, "x").withRetain(true));
            return b.connected("sub").subscribe("r", Qos.AT_MOST_ONCE).nextPublish().retain();
        });
        CONFORMS.put(Fault.NO_WILL_ON_ABNORMAL_CLOSE, b -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("w", Qos.AT_MOST_ONCE);
            withWill(b, "w", false).drop();
            return sub.sent().size() == 1;
        });
        CONFORMS.put(Fault.OVERLAP_MOST_SPECIFIC_QOS, b -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("a/b", Qos.AT_MOST_ONCE)
                    .subscribe("a/#", Qos.AT_LEAST_ONCE);
            b.connected("pub").send(publish(Qos.AT_LEAST_ONCE, "a/b", 1, "x"));
            return sub.sent().stream().anyMatch(p -> ((Publish) p).qos() == Qos.AT_LEAST_ONCE);
        });
        CONFORMS.put(Fault.NO_SELF_DELIVERY, b -> {
            EngineHarness.Client self = b.connected("self").subscribe("mine", Qos.AT_MOST_ONCE);
            self.send(publish(Qos.AT_MOST_ONCE, "mine", 0, "x"));
            return self.sent().size() == 1;
        });
        CONFORMS.put(Fault.KEEPALIVE_LATE, b -> {
            EngineHarness.Client c = b.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "k", true, 2));
            return c.link.keepAliveMillis == 3000;
        });
        CONFORMS.put(Fault.STOPS_ANSWERING_AFTER_MALFORMED, b -> {
            b.connected("bad").malformed(MALFORMED);
            EngineHarness.Client late = b.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "late", true, 60));
            return late.sent().equals(List.of(Connack.accepted(false)));
        });
        CONFORMS.put(Fault.PUBACK_FOR_QOS2, b -> {
            EngineHarness.Client pub = b.connected("pub");
            pub.send(publish(Qos.EXACTLY_ONCE, "t", 5, "x"));
            return pub.sent().equals(List.of(new Pubrec(5)));
        });
    }

    private static EngineHarness.Client withWill(EngineHarness b, String topic, boolean retain) {
        EngineHarness.Client c = b.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "dying", true, 60)
                .withWill(new Will(topic, Payload.utf8("gone"), Qos.AT_MOST_ONCE, retain)));
        assertThat(c.next().type()).isEqualTo(Connack.accepted(false).type());
        return c;
    }

    private record Reconnected(EngineHarness.Client client, boolean connackSessionPresent) {
        List<Packet> sent() {
            return client.sent();
        }
    }

    private static Reconnected reconnect(EngineHarness b, String id) {
        EngineHarness.Client c = b.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, id, false, 60));
        Connack connack = c.next(Connack.class);
        assertThat(connack.returnCode()).isZero();
        return new Reconnected(c, connack.sessionPresent());
    }

    static Stream<Fault> defects() {
        return Arrays.stream(Fault.values()).filter(f -> !f.allowed());
    }

    @ParameterizedTest
    @MethodSource("defects")
    void faultBreaksTheBehaviourItsStatementRequires(Fault fault) {
        Predicate<EngineHarness> scenario = CONFORMS.get(fault);
        assertThat(scenario).as("a scenario for " + fault).isNotNull();
        assertThat(scenario.test(new EngineHarness())).as("conforms without " + fault).isTrue();
        assertThat(scenario.test(new EngineHarness(fault))).as("conforms with " + fault).isFalse();
    }

    @ParameterizedTest(name = "{1} at QoS 1 and {2} at QoS 0, publish to {0}: one copy at QoS {3}")
    @CsvSource({"a/b, a/b, a/#, 1", "a/b, a/#, a/b, 0", "a/b, a/b, a/+, 1", "a/b, a/+, a/b, 0",
            "a/b, a/+, a/#, 1", "a/b, a/#, a/+, 0", "a/b/c, a/+/c, +/b/+, 1", "a/b/c, +/b/+, a/+/c, 0",
            "a/b/c, a/b/+, a/+/+, 1", "a/b/c, a/+/+, a/b/+, 0"})
    void overlapMostSpecificQosTakesTheQosOfTheMostSpecificFilter(String topic, String qos1Filter, String qos0Filter,
                                                                 int expected) {
        EngineHarness b = new EngineHarness(Fault.OVERLAP_MOST_SPECIFIC_QOS);
        EngineHarness.Client sub = b.connected("sub").subscribe(qos1Filter, Qos.AT_LEAST_ONCE)
                .subscribe(qos0Filter, Qos.AT_MOST_ONCE);
        b.connected("pub").send(publish(Qos.AT_LEAST_ONCE, topic, 1, "x"));
        assertThat(sub.nextPublish().qos()).isEqualTo(Qos.of(expected));
        sub.nothingMore();
    }

    @Test
    void stopsAnsweringOnlyNewConnectsAfterAMalformedPacket() {
        EngineHarness b = new EngineHarness(Fault.STOPS_ANSWERING_AFTER_MALFORMED);
        EngineHarness.Client early = b.connected("early").subscribe("t", Qos.AT_MOST_ONCE);
        EngineHarness.Client before = b.connected("before");
        EngineHarness.Client bad = b.connected("bad").malformed(MALFORMED);
        assertThat(bad.closed()).as("the offending connection is closed as usual").isTrue();

        EngineHarness.Client late = b.connect(Connect.of(ProtocolVersion.MQTT_3_1_1, "late", true, 60));
        late.send(Pingreq.INSTANCE).send(publish(Qos.AT_MOST_ONCE, "t", 0, "ignored"));
        b.engine.connectTimedOut(late.connection);
        late.nothingMore();
        assertThat(late.closed()).as("neither answered nor closed").isFalse();

        before.send(publish(Qos.AT_MOST_ONCE, "t", 0, "still served"));
        assertThat(early.nextPublish().payload().asUtf8()).isEqualTo("still served");
        early.send(Pingreq.INSTANCE);
        assertThat(early.next()).isEqualTo(Pingresp.INSTANCE);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void faultNamesAStatementOfTheCatalogue(Fault fault) throws java.io.IOException {
        java.nio.file.Path catalogue = java.nio.file.Path.of(System.getProperty("mqttkit.fixtures", "../fixtures"),
                "spec", "mqtt-3.1.1-statements.json");
        java.util.Set<String> ids = new java.util.HashSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(catalogue.toFile())
                .forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).contains(fault.statement());
    }
}
