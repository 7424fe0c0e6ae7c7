package dev.mqttkit.broker.protocol;

import static dev.mqttkit.broker.protocol.EngineHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mqttkit.broker.Fault;
import dev.mqttkit.codec.packet.Connack;
import dev.mqttkit.codec.packet.Connect;
import dev.mqttkit.codec.packet.Packet;
import dev.mqttkit.codec.packet.ProtocolVersion;
import dev.mqttkit.codec.packet.Puback;
import dev.mqttkit.codec.packet.Publish;
import dev.mqttkit.codec.packet.Qos;
import dev.mqttkit.codec.packet.Suback;
import dev.mqttkit.codec.packet.Subscribe;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The faults whose behaviour the specification allows ({@link Fault#allowed()}), kept as controls the suite must
 * pass: each scenario shows our conforming behaviour without the fault and the allowed alternative with it.
 */
class AllowedFaultTests {
    /** Scenario: asserts what the broker does, given whether the fault is on. */
    private static final Map<Fault, BiConsumer<EngineHarness, Boolean>> SHOWS = new EnumMap<>(Fault.class);

    static {
        SHOWS.put(Fault.OVERLAP_DUPLICATES, (b, on) -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("a/+", Qos.AT_MOST_ONCE)
                    .subscribe("a/#", Qos.AT_LEAST_ONCE);
            b.connected("pub").send(publish(Qos.AT_LEAST_ONCE, "a/b", 1, "x"));
            List<Qos> copies = sub.sent().stream().map(p -> ((Publish) p).qos()).toList();
            assertThat(copies).containsExactlyInAnyOrderElementsOf(on ? List.of(Qos.AT_MOST_ONCE, Qos.AT_LEAST_ONCE)
                    : List.of(Qos.AT_LEAST_ONCE));
        });
        SHOWS.put(Fault.REFUSES_MQTT_31, (b, on) -> {
            EngineHarness.Client old = b.connect(Connect.of(ProtocolVersion.MQTT_3_1, "old", true, 60));
            assertThat(old.sent()).isEqualTo(on ? List.of() : List.of(Connack.accepted(false)));
            assertThat(old.closed()).isEqualTo(on);
            b.connected("modern"); // 3.1.1 is served either way
        });
        SHOWS.put(Fault.RETAINED_BEFORE_SUBACK, (b, on) -> {
            b.connected("pub").send(publish(Qos.AT_MOST_ONCE, "r", 0, "kept").withRetain(true));
            EngineHarness.Client sub = b.connected("sub");
            sub.send(Subscribe.of(4, "r", Qos.AT_MOST_ONCE));
            List<Class<?>> order = sub.sent().stream().<Class<?>>map(Object::getClass).toList();
            assertThat(order).isEqualTo(on ? List.of(Publish.class, Suback.class) : List.of(Suback.class,
                    Publish.class));
        });
        SHOWS.put(Fault.DELAYED_FANOUT, (b, on) -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("t/#", Qos.AT_MOST_ONCE);
            EngineHarness.Client pub = b.connected("pub");
            for (int i = 1; i <= 6; i++) {
                pub.send(publish(Qos.AT_LEAST_ONCE, "t/" + (i % 2), i, "m" + i));
                assertThat(pub.next()).as("acknowledged at once").isEqualTo(new Puback(i));
            }
            if (on) {
                sub.nothingMore();
                assertThat(b.scheduler.delays).hasSize(6).allSatisfy(d -> assertThat(d).isBetween(5L, 20L));
                assertThat(b.scheduler.runAll()).isEqualTo(6);
            }
            assertThat(sub.sent()).map(p -> ((Publish) p).payload().asUtf8())
                    .containsExactly("m1", "m2", "m3", "m4", "m5", "m6");
        });
        SHOWS.put(Fault.QOS0_OVERTAKES, (b, on) -> {
            EngineHarness.Client sub = b.connected("sub").subscribe("a", Qos.AT_LEAST_ONCE)
                    .subscribe("b", Qos.AT_MOST_ONCE);
            EngineHarness.Client pub = b.connected("pub");
            pub.send(publish(Qos.AT_LEAST_ONCE, "a", 1, "a1")).send(publish(Qos.AT_LEAST_ONCE, "a", 2, "a2"));
            pub.send(publish(Qos.AT_MOST_ONCE, "b", 0, "b1")).send(publish(Qos.AT_MOST_ONCE, "a", 0, "a3"));
            Publish first = sub.nextPublish();
            assertThat(first.payload().asUtf8()).isEqualTo("a1");
            assertThat(payloads(sub.sent())).as("while the window (1) is full").isEqualTo(on ? List.of("b1")
                    : List.of());
            sub.send(new Puback(first.packetId()));
            assertThat(payloads(sub.sent())).isEqualTo(on ? List.of("a2", "a3") : List.of("a2", "b1", "a3"));
        });
    }

    private static List<String> payloads(List<Packet> packets) {
        return packets.stream().map(p -> ((Publish) p).payload().asUtf8()).toList();
    }

    static Stream<Fault> allowed() {
        return Arrays.stream(Fault.values()).filter(Fault::allowed);
    }

    @ParameterizedTest
    @MethodSource("allowed")
    void showsTheAllowedBehaviourOnlyWithTheFault(Fault fault) {
        BiConsumer<EngineHarness, Boolean> scenario = SHOWS.get(fault);
        assertThat(scenario).as("a scenario for " + fault).isNotNull();
        scenario.accept(fault == Fault.QOS0_OVERTAKES ? EngineHarness.limited(1, 1000) : new EngineHarness(), false);
        scenario.accept(fault == Fault.QOS0_OVERTAKES ? EngineHarness.limited(1, 1000, fault)
                : new EngineHarness(fault), true);
    }
}
